# Bulk operations: many rows in one transaction, against a commit after every row.
import asyncio
import time
import aiosqlite

INSERT = "INSERT INTO products (id, name, category, price) VALUES (?, ?, ?, ?)"


async def commit_per_row(db: aiosqlite.Connection, rows: list[tuple]) -> None:
    for row in rows:
        await db.execute(INSERT, row)
        await db.commit()  # a journal write and a settled transaction, every time


async def one_transaction(db: aiosqlite.Connection, rows: list[tuple]) -> None:
    await db.executemany(INSERT, rows)
    await db.commit()  # once, for all of them: all or nothing


async def main(path: str = "scratch.sqlite", count: int = 5000) -> None:
    async with aiosqlite.connect(path) as db:
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, category TEXT, price REAL)")
        for insert, first in ((commit_per_row, 1), (one_transaction, count + 1)):
            rows = [(i, f"Product #{i}", "books", 9.99) for i in range(first, first + count)]
            start = time.perf_counter()
            await insert(db, rows)
            print(f"{insert.__name__}: {count / (time.perf_counter() - start):,.0f} rows/s")


asyncio.run(main())
