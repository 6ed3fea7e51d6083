package dev.moviedb.collective.redis;

/**
 * The Lua scripts of the collective state. Each touches the keys of one hash tag only (Redis
 * Cluster runs it on one node), validates before its first write (Redis does not roll a script
 * back), and is bounded: the user script does O(events x pair reach) work, the aggregate scripts
 * O(operations).
 */
final class Scripts {

  private Scripts() {}

  /**
   * Per user. KEYS: contributions, scope-items, recent, seq, pending. ARGV: pairReach N,
   * recentTitles L, contributions M, mode ({@code w} watch, {@code e} erase), then for {@code w}
   * quadruples (item, day, scope key, epoch second). Changes the user's state and records the
   * change of the aggregates it implies as one pending entry (lines {@code P|day|scope|item|d},
   * {@code S|scope|item|d}, {@code C|i|j|d}, {@code N|i|d}, {@code U|d}; opposite changes cancel
   * out). Returns every pending entry: seq, entry, seq, entry... A watch already applied changes
   * nothing, so a redelivered event only hands back what is still pending.
   */
  static final String USER =
      """
      local N, L, M = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
      local pop, usr, pair, cnt = {}, {}, {}, {}
      local function bump(t, k, d)
        local v = (t[k] or 0) + d
        if v == 0 then t[k] = nil else t[k] = v end
      end
      local function pairKey(a, b)
        if a < b then return a .. '|' .. b end
        return b .. '|' .. a
      end
      local listBefore = redis.call('ZCARD', KEYS[3])

      local function uncontribute(m)
        bump(pop, m, -1)
        local si = string.match(m, '^[^|]*|(.*)$')
        if redis.call('HINCRBY', KEYS[2], si, -1) <= 0 then
          redis.call('HDEL', KEYS[2], si)
          bump(usr, si, -1)
        end
      end
      local function contribute(item, day, scope)
        local m = day .. '|' .. scope .. '|' .. item
        if redis.call('ZADD', KEYS[1], 'NX', day, m) == 0 then return end
        bump(pop, m, 1)
        local si = scope .. '|' .. item
        if redis.call('HINCRBY', KEYS[2], si, 1) == 1 then bump(usr, si, 1) end
        while redis.call('ZCARD', KEYS[1]) > M do
          uncontribute(redis.call('ZPOPMIN', KEYS[1])[1])
        end
      end

      local function window(c)
        local lo = math.max(0, c - N)
        return lo, redis.call('ZRANGE', KEYS[3], lo, c + N)
      end
      local function at(lo, items, r)
        if r < lo then return nil end
        return items[r - lo + 1]
      end
      -- pairs at distance N+1 across position c: they come within reach when c leaves, and go out
      -- of reach when an item comes in at c
      local function across(lo, items, c, d)
        for i = c - N, c - 1 do
          local a, b = at(lo, items, i), at(lo, items, i + N + 1)
          if a and b then bump(pair, pairKey(a, b), d) end
        end
      end
      local function around(lo, items, c, x, d)
        for r = c - N, c + N do
          if r ~= c then
            local a = at(lo, items, r)
            if a then bump(pair, pairKey(x, a), d) end
          end
        end
      end
      local function remove(x)
        local p = redis.call('ZRANK', KEYS[3], x)
        local lo, items = window(p)
        around(lo, items, p, x, -1)
        across(lo, items, p, 1)
        redis.call('ZREM', KEYS[3], x)
        bump(cnt, x, -1)
      end
      local function insert(x, t)
        redis.call('ZADD', KEYS[3], t, x)
        local q = redis.call('ZRANK', KEYS[3], x)
        local lo, items = window(q)
        around(lo, items, q, x, 1)
        across(lo, items, q, -1)
        bump(cnt, x, 1)
      end
      local function watch(x, t)
        local cur = redis.call('ZSCORE', KEYS[3], x)
        if cur and tonumber(cur) >= tonumber(t) then return end
        if cur then remove(x) end
        insert(x, t)
        while redis.call('ZCARD', KEYS[3]) > L do
          remove(redis.call('ZRANGE', KEYS[3], 0, 0)[1])
        end
      end

      if ARGV[4] == 'w' then
        for i = 5, #ARGV, 4 do
          local item, day, scope, t = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
          contribute(item, day, 'global')
          if scope ~= 'global' then contribute(item, day, scope) end
          watch(item, t)
        end
      elseif ARGV[4] == 'e' then
        for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do bump(pop, m, -1) end
        for _, si in ipairs(redis.call('HKEYS', KEYS[2])) do bump(usr, si, -1) end
        local items = redis.call('ZRANGE', KEYS[3], 0, -1)
        for r = 1, #items do
          bump(cnt, items[r], -1)
          for s = r + 1, math.min(#items, r + N) do bump(pair, pairKey(items[r], items[s]), -1) end
        end
        redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
      else
        return redis.error_reply('mode ' .. tostring(ARGV[4]) .. ' is neither w nor e')
      end

      local out = {}
      for m, d in pairs(pop) do out[#out + 1] = 'P|' .. m .. '|' .. d end
      for si, d in pairs(usr) do out[#out + 1] = 'S|' .. si .. '|' .. d end
      for k, d in pairs(pair) do out[#out + 1] = 'C|' .. k .. '|' .. d end
      for x, d in pairs(cnt) do out[#out + 1] = 'N|' .. x .. '|' .. d end
      local listAfter = redis.call('ZCARD', KEYS[3])
      if listBefore == 0 and listAfter > 0 then out[#out + 1] = 'U|1' end
      if listBefore > 0 and listAfter == 0 then out[#out + 1] = 'U|-1' end
      if #out > 0 then
        local seq = redis.call('INCR', KEYS[4])
        redis.call('HSET', KEYS[5], seq, table.concat(out, '\\n'))
      end
      return redis.call('HGETALL', KEYS[5])
      """;

  /**
   * Trending. KEYS: applied, scopes. ARGV: key prefix, week suffix, month suffix, then per entry:
   * user, seq, operation count, and per operation scope, item, week weight, month weight, change of
   * distinct users. An entry whose seq is not above the user's applied seq was applied before and
   * is skipped. An item without users leaves the scope's lists (no floating-point residue). Every
   * key named here carries the {@code {trending}} tag. Returns the entries applied.
   */
  static final String TRENDING =
      """
      local applied = 0
      local i = 4
      while i <= #ARGV do
        local user, seq, n = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
        i = i + 3
        local done = tonumber(redis.call('HGET', KEYS[1], user) or '0')
        if seq > done then
          for k = 0, n - 1 do
            local o = i + k * 5
            local scope, item, ww, wm, du = ARGV[o], ARGV[o + 1], ARGV[o + 2], ARGV[o + 3], tonumber(ARGV[o + 4])
            local base = ARGV[1] .. scope .. ':'
            if ww ~= '0' then redis.call('ZINCRBY', base .. ARGV[2], ww, item) end
            if wm ~= '0' then redis.call('ZINCRBY', base .. ARGV[3], wm, item) end
            if du ~= 0 then
              local users = redis.call('HINCRBY', base .. 'users', item, du)
              if users <= 0 then
                redis.call('HDEL', base .. 'users', item)
                redis.call('ZREM', base .. ARGV[2], item)
                redis.call('ZREM', base .. ARGV[3], item)
              elseif du > 0 then
                redis.call('SADD', KEYS[2], scope)
              end
            end
          end
          redis.call('HSET', KEYS[1], user, seq)
          applied = applied + 1
        end
        i = i + n * 5
      end
      return applied
      """;

  /**
   * Co-watch. KEYS: applied, n, dirty, users. ARGV: row key prefix, then per entry: user, seq,
   * operation count, and per operation type ({@code C} pair, {@code N} item, {@code U} users), a,
   * b, change. Rows and counts drop fields that reach 0; touched items become dirty. Every key
   * named here carries the {@code {cowatch}} tag. Returns the entries applied.
   */
  static final String COWATCH =
      """
      local applied = 0
      local i = 2
      while i <= #ARGV do
        local user, seq, n = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
        i = i + 3
        local done = tonumber(redis.call('HGET', KEYS[1], user) or '0')
        if seq > done then
          for k = 0, n - 1 do
            local o = i + k * 4
            local kind, a, b, d = ARGV[o], ARGV[o + 1], ARGV[o + 2], ARGV[o + 3]
            if kind == 'C' then
              if redis.call('HINCRBY', ARGV[1] .. a, b, d) <= 0 then redis.call('HDEL', ARGV[1] .. a, b) end
              if redis.call('HINCRBY', ARGV[1] .. b, a, d) <= 0 then redis.call('HDEL', ARGV[1] .. b, a) end
              redis.call('SADD', KEYS[3], a, b)
            elseif kind == 'N' then
              if redis.call('HINCRBY', KEYS[2], a, d) <= 0 then redis.call('HDEL', KEYS[2], a) end
              redis.call('SADD', KEYS[3], a)
            else
              redis.call('INCRBY', KEYS[4], d)
            end
          end
          redis.call('HSET', KEYS[1], user, seq)
          applied = applied + 1
        end
        i = i + n * 4
      end
      return applied
      """;

  /** KEYS: a top list. ARGV: score, member pairs. Replaces the list (empty: deletes it). */
  static final String REPLACE_TOP =
      """
      redis.call('DEL', KEYS[1])
      if #ARGV > 0 then redis.call('ZADD', KEYS[1], unpack(ARGV)) end
      return #ARGV / 2
      """;

  /**
   * KEYS: a row, the item counts, the list users. ARGV: the item. Returns the item's count, the
   * list users, then partner, co-watch count, partner's count per partner (0 when unknown).
   */
  static final String READ_ROW =
      """
      local out = {redis.call('HGET', KEYS[2], ARGV[1]) or '0', redis.call('GET', KEYS[3]) or '0'}
      local row = redis.call('HGETALL', KEYS[1])
      for i = 1, #row, 2 do
        out[#out + 1] = row[i]
        out[#out + 1] = row[i + 1]
        out[#out + 1] = redis.call('HGET', KEYS[2], row[i]) or '0'
      end
      return out
      """;

  /**
   * KEYS: a trending list, its users. ARGV: start and stop rank (highest first). Returns item,
   * stored score, distinct users per item.
   */
  static final String READ_TRENDING =
      """
      local page = redis.call('ZREVRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES')
      local out = {}
      for i = 1, #page, 2 do
        out[#out + 1] = page[i]
        out[#out + 1] = page[i + 1]
        out[#out + 1] = redis.call('HGET', KEYS[2], page[i]) or '0'
      end
      return out
      """;

  /** KEYS: week list, month list, users. ARGV: items. Returns week, month, users per item. */
  static final String READ_POPULARITY =
      """
      local out = {}
      for _, item in ipairs(ARGV) do
        out[#out + 1] = redis.call('ZSCORE', KEYS[1], item) or '0'
        out[#out + 1] = redis.call('ZSCORE', KEYS[2], item) or '0'
        out[#out + 1] = redis.call('HGET', KEYS[3], item) or '0'
      end
      return out
      """;

  /** KEYS: a top list. Returns partner, score for all of it. */
  static final String READ_TOP =
      """
      return redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
      """;

  /** KEYS: week list, month list, users of one scope. Returns the three as flat arrays. */
  static final String READ_SCOPE =
      """
      return {redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES'),
              redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES'), redis.call('HGETALL', KEYS[3])}
      """;

  /** KEYS: counts, list users. Returns the counts flat, then the list users. */
  static final String READ_COUNTS =
      """
      return {redis.call('HGETALL', KEYS[1]), redis.call('GET', KEYS[2]) or '0'}
      """;

  /** KEYS: a set. ARGV: how many. Pops up to that many members. */
  static final String POP_MEMBERS =
      """
      return redis.call('SPOP', KEYS[1], tonumber(ARGV[1]))
      """;

  /** KEYS: a set. Returns its members. */
  static final String MEMBERS =
      """
      return redis.call('SMEMBERS', KEYS[1])
      """;
}
