# Streaming a large result page by page, against loading every row before looking at the first.
import asyncio
import aiosqlite

SQL = "SELECT id, amount FROM events ORDER BY id"


async def load_all(db: aiosqlite.Connection) -> float:
    rows = await db.execute_fetchall(SQL)  # the whole table in one list
    return sum(amount for _, amount in rows)


async def stream_pages(db: aiosqlite.Connection, page_size: int):
    async with db.execute(SQL) as cursor:
        while page := await cursor.fetchmany(page_size):  # the next page only when asked for
            yield page


async def main(path: str = "scratch.sqlite", rows: int = 200_000, page_size: int = 1000) -> None:
    async with aiosqlite.connect(path) as db:
        await db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, amount REAL NOT NULL)")
        kinds = ("view", "click", "cart", "buy")
        await db.executemany("INSERT INTO events VALUES (?, ?, ?)",
                             ((i, kinds[i % 4], (i % 1000) / 100) for i in range(1, rows + 1)))
        await db.commit()

        everything = await load_all(db)
        streamed = 0.0
        async for page in stream_pages(db, page_size):
            streamed += sum(amount for _, amount in page)
    print("same total both ways:", everything == streamed)


asyncio.run(main())
