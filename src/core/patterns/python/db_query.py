# Executing queries: the products of one category, the category passed as a bound parameter.
import asyncio
import aiosqlite


async def get_products(db: aiosqlite.Connection, category: str) -> list[tuple]:
    # The value is bound to "?", never formatted into the SQL text.
    sql = "SELECT id, name, price FROM products WHERE category = ? ORDER BY id"
    async with db.execute(sql, (category,)) as cursor:
        return list(await cursor.fetchall())


async def main(path: str = "demo.sqlite", category: str = "books") -> None:
    async with aiosqlite.connect(path) as db:
        products = await get_products(db, category)

        # Every category at once. aiosqlite runs a connection on one thread, so these take
        # turns on it; open more connections to run them side by side.
        names = [row[0] for row in await db.execute_fetchall("SELECT DISTINCT category FROM products")]
        everything = await asyncio.gather(*(get_products(db, name) for name in names))

    print(f"{len(products)} products in {category!r}; {sum(map(len, everything))} in all")


asyncio.run(main())
