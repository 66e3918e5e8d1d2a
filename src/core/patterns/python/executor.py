# CPU-bound work: in a thread pool (run_in_executor), never on the event loop.
import asyncio
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor(max_workers=4)


def cpu_intensive_sync(data: bytes, budget_ms: int) -> bytes:
    deadline = time.monotonic() + budget_ms / 1000
    while time.monotonic() < deadline:
        data = hashlib.sha256(data).digest()
    return data


async def process_on_the_loop(data: bytes, budget_ms: int) -> bytes:
    return cpu_intensive_sync(data, budget_ms)  # nothing else on the loop runs meanwhile


async def process_in_thread_pool(data: bytes, budget_ms: int) -> bytes:
    loop = asyncio.get_running_loop()
    # CPython's GIL still hands the loop a turn every few milliseconds; for long pure-Python
    # computations a ProcessPoolExecutor avoids even that.
    return await loop.run_in_executor(executor, cpu_intensive_sync, data, budget_ms)


async def main(work_ms: int = 300) -> None:
    await process_on_the_loop(b"order #5001", work_ms)
    await asyncio.sleep(0.05)
    await process_in_thread_pool(b"order #5001", work_ms)


asyncio.run(main())
