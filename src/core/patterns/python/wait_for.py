# asyncio.wait_for: a deadline on one awaitable; when late, it is cancelled, then TimeoutError.
import asyncio

import httpx


async def fetch_url(http: httpx.AsyncClient, path: str) -> dict:
    response = await http.get(path)
    return response.json()


async def main(server: str, latency_ms: int = 2000, limit_ms: int = 500) -> None:
    async with httpx.AsyncClient(base_url=server) as http:
        fetch = asyncio.create_task(fetch_url(http, f"/delay/{latency_ms}"), name="fetch_url")
        try:
            print(await asyncio.wait_for(fetch, timeout=limit_ms / 1000))
        except TimeoutError as error:  # asyncio.TimeoutError before Python 3.11
            print("TimeoutError", repr(error), "; fetch_url cancelled:", fetch.cancelled())


asyncio.run(main("http://127.0.0.1:8000"))
