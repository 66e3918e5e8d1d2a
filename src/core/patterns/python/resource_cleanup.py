# Resource cleanup: give a pooled connection back in __aexit__, so that an error cannot leak it.
import asyncio

import aiosqlite
import httpx


class ConnectionPool:
    def __init__(self, path: str):
        self.path = path
        self.open: set[aiosqlite.Connection] = set()

    async def connect(self) -> aiosqlite.Connection:
        db = await aiosqlite.connect(self.path)
        self.open.add(db)
        return db

    async def close(self, db: aiosqlite.Connection) -> None:
        self.open.discard(db)
        await db.close()


class PooledConnection:
    def __init__(self, pool: ConnectionPool):
        self.pool = pool

    async def __aenter__(self) -> aiosqlite.Connection:
        self.db = await self.pool.connect()
        return self.db

    async def __aexit__(self, exc_type, exc, tb) -> None:
        await self.pool.close(self.db)  # runs whether the body finished or raised


async def charge(http: httpx.AsyncClient, latency_ms: int) -> None:
    await http.get(f"/delay/{latency_ms}")  # reserve the stock
    (await http.post("/status/503", json={"amount": 42})).raise_for_status()  # payment is down


async def handle_order_by_hand(pool: ConnectionPool, http: httpx.AsyncClient, user: int, latency_ms: int) -> None:
    db = await pool.connect()
    await db.execute_fetchall("SELECT email FROM users WHERE id = ?", (user,))
    await charge(http, latency_ms)
    await pool.close(db)  # never reached: charge() raised


async def handle_order(pool: ConnectionPool, http: httpx.AsyncClient, user: int, latency_ms: int) -> None:
    async with PooledConnection(pool) as db:
        await db.execute_fetchall("SELECT email FROM users WHERE id = ?", (user,))
        await charge(http, latency_ms)


async def main(server: str, path: str = "demo.sqlite", orders: int = 3, latency_ms: int = 100) -> None:
    async with httpx.AsyncClient(base_url=server) as http:
        for handle in (handle_order_by_hand, handle_order):
            pool = ConnectionPool(path)
            for user in range(1, orders + 1):
                try:
                    await handle(pool, http, user, latency_ms)
                except httpx.HTTPStatusError:
                    pass  # expected: what matters is what the order left behind
            print(f"{handle.__name__}: {len(pool.open)} connection(s) still open")
            for db in list(pool.open):
                await pool.close(db)


asyncio.run(main("http://127.0.0.1:8000"))
