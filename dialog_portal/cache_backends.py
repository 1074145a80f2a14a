"""Django's Redis cache, with one ``redis.Redis`` client per connection pool.

Django's `RedisCacheClient.get_client` builds a new ``redis.Redis`` for every cache operation,
and that constructor fills a table of ~80 response callbacks each time: about 0.1 ms of CPU
per operation, several times on every page. A client is thread-safe and only wraps the
pool (which already handles forks), so one per pool is enough.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
