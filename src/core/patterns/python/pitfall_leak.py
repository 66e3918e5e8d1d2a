# Pitfall: HTTP clients that are never closed keep their connections open.
import asyncio

import httpx

forgotten: list[httpx.AsyncClient] = []  # what still refers to them: they stay open


async def calls_without_closing(server: str, calls: int, latency_ms: int) -> None:
    for _ in range(calls):
        client = httpx.AsyncClient(base_url=server)  # never closed
        forgotten.append(client)
        await client.get(f"/delay/{latency_ms}")


async def calls_with_scoped_clients(server: str, calls: int, latency_ms: int) -> None:
    for _ in range(calls):
        async with httpx.AsyncClient(base_url=server) as client:
            await client.get(f"/delay/{latency_ms}")
        # leaving the block closed the client and its connection


async def open_connections(server: str) -> int:
    async with httpx.AsyncClient(base_url=server) as client:
        return (await client.get("/stats")).json()["connections"]


async def main(server: str, calls: int = 5, latency_ms: int = 100) -> None:
    before = await open_connections(server)
    await calls_without_closing(server, calls, latency_ms)
    print("never closed:", await open_connections(server) - before, "more open")
    await calls_with_scoped_clients(server, calls, latency_ms)
    print("after scoped clients:", await open_connections(server) - before, "more open")


asyncio.run(main("http://127.0.0.1:8000"))
