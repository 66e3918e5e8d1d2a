# Pitfall: one task per item, all at once, versus the same tasks behind a semaphore.
import asyncio

import httpx


async def get_item(server: str, item_id: int, latency_ms: int) -> dict:
    # A client per request, so that every request really reaches the server at once
    # (a shared client's pool would queue them: a limit nobody chose).
    async with httpx.AsyncClient(base_url=server) as http:
        response = await http.get(f"/products/{item_id}?latency_ms={latency_ms}")
        return response.json()


async def main(server: str, requests: int = 200, limit: int = 20, latency_ms: int = 200) -> None:
    ids = range(1, requests + 1)

    # Bad: `requests` requests in flight at the same moment.
    await asyncio.gather(*(get_item(server, i, latency_ms) for i in ids))

    # Good: the same tasks, but at most `limit` inside at once.
    semaphore = asyncio.Semaphore(limit)

    async def limited_get_item(item_id: int) -> dict:
        async with semaphore:
            return await get_item(server, item_id, latency_ms)

    await asyncio.gather(*(limited_get_item(i) for i in ids))


asyncio.run(main("http://127.0.0.1:8000"))
