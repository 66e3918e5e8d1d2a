# TaskGroup: the first failure cancels the siblings; leaving the block raises an ExceptionGroup.
import asyncio

import httpx


async def process_item(http: httpx.AsyncClient, item: int, latency_ms: int) -> dict:
    response = await http.get(f"/products/{item}?latency_ms={latency_ms}")
    response.raise_for_status()
    return response.json()


async def process_broken_item(http: httpx.AsyncClient, fail_after_ms: int) -> dict:
    await http.get(f"/delay/{fail_after_ms}")
    response = await http.get("/status/500")
    response.raise_for_status()  # raises: the whole group fails
    return response.json()


async def main(server: str, items: int = 8, latency_ms: int = 1500, failing_item: int = 3,
               fail_after_ms: int = 300) -> None:
    async with httpx.AsyncClient(base_url=server, limits=httpx.Limits(max_connections=None)) as http:
        tasks = []
        try:
            async with asyncio.TaskGroup() as tg:
                for item in range(1, items + 1):
                    if item == failing_item:
                        tasks.append(tg.create_task(process_broken_item(http, fail_after_ms)))
                    else:
                        tasks.append(tg.create_task(process_item(http, item, latency_ms)))
        except* httpx.HTTPStatusError as group:
            cancelled = sum(task.cancelled() for task in tasks)
            print(f"TaskGroup failed as expected: {group.exceptions}, {cancelled} cancelled")


asyncio.run(main("http://127.0.0.1:8000"))
