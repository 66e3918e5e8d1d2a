# Pitfall: blocking calls in a coroutine freeze the event loop, and every other task with it.
import asyncio
import time

import httpx
import requests


def crunch(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


async def blocking_calls(server: str, seconds: float) -> None:
    time.sleep(seconds)                                    # blocks the loop
    requests.get(f"{server}/delay/{int(seconds * 1000)}")  # blocks the loop
    crunch(seconds)                                        # blocks the loop


async def async_calls(server: str, seconds: float) -> None:
    await asyncio.sleep(seconds)
    async with httpx.AsyncClient() as client:
        await client.get(f"{server}/delay/{int(seconds * 1000)}")
    await asyncio.get_running_loop().run_in_executor(None, crunch, seconds)


async def ticker() -> None:
    last = time.monotonic()
    while True:
        await asyncio.sleep(0.05)
        now = time.monotonic()
        print(f"tick ({(now - last) * 1000:.0f} ms since the last one)")
        last = now


async def main(server: str, block_ms: int = 200) -> None:
    ticking = asyncio.create_task(ticker())
    await blocking_calls(server, block_ms / 1000)  # the ticks stop...
    await async_calls(server, block_ms / 1000)     # ...and here they don't
    ticking.cancel()


asyncio.run(main("http://127.0.0.1:8000"))
