# Sequential awaits: each request starts only after the previous one has finished.
import asyncio
import httpx


async def main(server: str, calls: int = 10, latency_ms: int = 100) -> None:
    async with httpx.AsyncClient(base_url=server) as http:
        for _ in range(calls):
            await http.get(f"/delay/{latency_ms}")  # the task waits here, every time


asyncio.run(main("http://127.0.0.1:8000"))
