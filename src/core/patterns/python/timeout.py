# asyncio.timeout: at the deadline the awaited request is cancelled and TimeoutError raised.
import asyncio
import time

import httpx


async def main(server: str, latency_ms: int = 2000, limit_ms: int = 500) -> None:
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=server) as http:
        try:
            async with asyncio.timeout(limit_ms / 1000):
                response = await http.get(f"/delay/{latency_ms}")
                print("answered:", response.json())
        except TimeoutError:
            print(f"timed out; the request was aborted after {time.monotonic() - started:.3f} s")


asyncio.run(main("http://127.0.0.1:8000"))
