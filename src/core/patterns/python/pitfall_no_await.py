# Pitfall: calling a coroutine without await.
import asyncio

import httpx


async def save_audit(http: httpx.AsyncClient, latency_ms: int) -> None:
    await http.post(f"/delay/{latency_ms}", json={"event": "order placed"})
    print("save_audit done")


async def bad_example(http: httpx.AsyncClient, latency_ms: int) -> str:
    # Only creates a coroutine object: in Python nothing runs at all, and when the object is
    # thrown away you get "RuntimeWarning: coroutine 'save_audit' was never awaited".
    # (C++ with QCoro differs: the call starts the work, and then nobody waits for it.)
    save_audit(http, latency_ms)
    return "done"


async def good_example(http: httpx.AsyncClient, latency_ms: int) -> str:
    await save_audit(http, latency_ms)
    return "done"


async def main(server: str, latency_ms: int = 300) -> None:
    async with httpx.AsyncClient(base_url=server) as http:
        print("bad:", await bad_example(http, latency_ms))
        print("good:", await good_example(http, latency_ms))


asyncio.run(main("http://127.0.0.1:8000"))
