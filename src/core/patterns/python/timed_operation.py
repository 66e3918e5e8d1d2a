# A timing context manager: the finally block runs however the body ends, even by an exception.
import asyncio
import time
from contextlib import asynccontextmanager

import httpx


@asynccontextmanager
async def timed_operation(name: str):
    start = time.monotonic()
    try:
        yield
    finally:
        print(f"{name} took {(time.monotonic() - start) * 1000:.0f} ms")


async def process_order(http: httpx.AsyncClient, latency_ms: int, payment_status: int) -> None:
    async with timed_operation("process_order"):
        await http.get(f"/delay/{latency_ms}")
        response = await http.post(f"/status/{payment_status}", json={"amount": 42})
        response.raise_for_status()  # 503 for the second order


async def main(server: str, latency_ms: int = 200) -> None:
    async with httpx.AsyncClient(base_url=server) as http:
        await process_order(http, latency_ms, 200)
        try:
            await process_order(http, latency_ms, 503)
        except httpx.HTTPStatusError as error:
            print("order 2 failed:", error)


asyncio.run(main("http://127.0.0.1:8000"))
