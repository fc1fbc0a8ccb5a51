/**
 * The Redis queue's scripts. Each runs atomically inside Redis, so pairing, ending and resuming are
 * single steps across every app node. Keys are built from the prefix passed in ARGV[1] (a single
 * Redis or a primary with replicas; Redis Cluster would need hash tags). The pairing rule mirrors
 * `choosePartner` in match-queue.ts.
 *
 * cjson encodes an empty Lua table as `{}`; the TypeScript side normalizes arrays when decoding.
 */
const COMMON = `
local prefix = ARGV[1]
local function k(name) return prefix .. ':mm:' .. name end
local function list(value) if type(value) == 'table' then return value end return {} end
local function contains(items, value)
  for _, item in ipairs(list(items)) do if item == value then return true end end
  return false
end
local function relaxed(entry, now, relaxAfter)
  return #list(entry.interests) == 0 or (now - entry.joinedAt) >= relaxAfter
end
local function compatible(a, b)
  return a.socketId ~= b.socketId and a.identity ~= b.identity
    and not contains(a.excluded, b.identity) and not contains(b.excluded, a.identity)
end
local function choose(me, now, relaxAfter, limit)
  -- At most limit compatible candidates, out of at most 4 * limit examined (see PAIRING_SCAN_LIMIT).
  local ids = redis.call('ZRANGE', k('queue'), 0, limit * 4)
  local best, bestCommon, fallback = nil, {}, nil
  local meRelaxed = relaxed(me, now, relaxAfter)
  local examined, scanned = 0, 0
  for _, id in ipairs(ids) do
    if id ~= me.socketId then
      examined = examined + 1
      if examined > limit * 4 then break end
      local raw = redis.call('GET', k('entry:' .. id))
      -- An entry whose key expired belonged to a node that died before its queue timeout ran.
      if not raw then redis.call('ZREM', k('queue'), id) end
      local candidate = raw and cjson.decode(raw) or nil
      if candidate and compatible(me, candidate) then
        scanned = scanned + 1
        if scanned > limit then break end
        local common = {}
        for _, interest in ipairs(list(me.interests)) do
          if contains(candidate.interests, interest) then table.insert(common, interest) end
        end
        if #common > #bestCommon then
          best, bestCommon = candidate, common
        elseif fallback == nil and meRelaxed and relaxed(candidate, now, relaxAfter) then
          fallback = candidate
        end
      end
    end
  end
  if best then return best, bestCommon, true end
  if fallback then return fallback, {}, false end
  return nil, nil, nil
end
local function participant(entry, token)
  return { socketId = entry.socketId, identity = entry.identity, profile = entry.profile,
    interests = list(entry.interests), resumeToken = token, disconnectedAt = 0, network = entry.network,
    nodeId = entry.nodeId }
end
local function pair(me, partner, common, byInterests, matchId, now, tokenA, tokenB)
  local first, second = partner, me
  if me.joinedAt < partner.joinedAt then first, second = me, partner end
  for _, entry in ipairs({ first, second }) do
    redis.call('ZREM', k('queue'), entry.socketId)
    redis.call('DEL', k('entry:' .. entry.socketId))
  end
  local match = { id = matchId, startedAt = now, a = participant(first, tokenA), b = participant(second, tokenB),
    commonInterests = common, matchedByInterests = byInterests }
  local raw = cjson.encode(match)
  redis.call('SET', k('match:' .. matchId), raw)
  redis.call('SET', k('sock:' .. first.socketId),
    cjson.encode({ state = 'matched', matchId = matchId, partnerSocketId = second.socketId }))
  redis.call('SET', k('sock:' .. second.socketId),
    cjson.encode({ state = 'matched', matchId = matchId, partnerSocketId = first.socketId }))
  redis.call('SADD', k('matches'), matchId)
  return raw
end
`;

/** ARGV: prefix, entry, now, relaxAfterMs, maxActive, matchId, tokenA, tokenB, scanLimit, entryTtlMs */
export const ENQUEUE = `${COMMON}
local me = cjson.decode(ARGV[2])
local now, relaxAfter, maxActive = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local current = redis.call('GET', k('sock:' .. me.socketId))
if current then return { 'busy', current } end
if redis.call('EXISTS', k('gone:' .. me.socketId)) == 1 then return { 'gone' } end
if maxActive > 0 and redis.call('SCARD', k('matches')) >= maxActive then return { 'capacity' } end
me.excluded = list(me.excluded)
local recent = redis.call('GET', k('recent:' .. me.socketId))
if recent then table.insert(me.excluded, recent) end
local partner, common, byInterests = choose(me, now, relaxAfter, tonumber(ARGV[9]))
if partner then return { 'matched', pair(me, partner, common, byInterests, ARGV[6], now, ARGV[7], ARGV[8]) } end
redis.call('ZADD', k('queue'), me.joinedAt, me.socketId)
redis.call('SET', k('entry:' .. me.socketId), cjson.encode(me), 'PX', ARGV[10])
redis.call('SET', k('sock:' .. me.socketId), cjson.encode({ state = 'queued', entryId = me.entryId }), 'PX', ARGV[10])
return { 'queued', redis.call('ZRANK', k('queue'), me.socketId) + 1, redis.call('ZCARD', k('queue')) }
`;

/** ARGV: prefix, socketId, entryId, now, relaxAfterMs, matchId, tokenA, tokenB, scanLimit */
export const RETRY = `${COMMON}
local raw = redis.call('GET', k('entry:' .. ARGV[2]))
if not raw then return false end
local me = cjson.decode(raw)
if me.entryId ~= ARGV[3] then return false end
local partner, common, byInterests = choose(me, tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[9]))
if not partner then return false end
return pair(me, partner, common, byInterests, ARGV[6], tonumber(ARGV[4]), ARGV[7], ARGV[8])
`;

/** ARGV: prefix, socketId, entryId ('' for any) */
export const DEQUEUE = `${COMMON}
local state = redis.call('GET', k('sock:' .. ARGV[2]))
if not state then return false end
local decoded = cjson.decode(state)
if decoded.state ~= 'queued' or (ARGV[3] ~= '' and decoded.entryId ~= ARGV[3]) then return false end
local raw = redis.call('GET', k('entry:' .. ARGV[2]))
redis.call('ZREM', k('queue'), ARGV[2])
redis.call('DEL', k('entry:' .. ARGV[2]), k('sock:' .. ARGV[2]))
return raw
`;

/** ARGV: prefix, matchId, away token ('' for unconditional), recent ttl seconds, away since (ms) */
export const END_MATCH = `${COMMON}
local raw = redis.call('GET', k('match:' .. ARGV[2]))
if not raw then return false end
local match = cjson.decode(raw)
if ARGV[3] ~= '' then
  local away = nil
  if match.a.resumeToken == ARGV[3] then away = match.a elseif match.b.resumeToken == ARGV[3] then away = match.b end
  if away == nil or away.disconnectedAt == 0 or away.disconnectedAt ~= tonumber(ARGV[5]) then return false end
end
redis.call('DEL', k('match:' .. ARGV[2]))
redis.call('SREM', k('matches'), ARGV[2])
for _, pairing in ipairs({ { match.a, match.b }, { match.b, match.a } }) do
  local me, partner = pairing[1], pairing[2]
  local state = redis.call('GET', k('sock:' .. me.socketId))
  if state then
    local decoded = cjson.decode(state)
    if decoded.state == 'matched' and decoded.matchId == ARGV[2] then redis.call('DEL', k('sock:' .. me.socketId)) end
  end
  redis.call('SET', k('recent:' .. me.socketId), partner.identity, 'EX', tonumber(ARGV[4]))
end
return raw
`;

/** ARGV: prefix, socketId, now, gone ttl seconds. See MatchQueue.gone: one step, so no pairing lands in between. */
export const GONE = `${COMMON}
local sid = ARGV[2]
redis.call('SET', k('gone:' .. sid), '1', 'EX', tonumber(ARGV[4]))
local state = redis.call('GET', k('sock:' .. sid))
if not state then return { 'idle' } end
redis.call('DEL', k('sock:' .. sid))
local decoded = cjson.decode(state)
if decoded.state == 'queued' then
  local raw = redis.call('GET', k('entry:' .. sid))
  redis.call('ZREM', k('queue'), sid)
  redis.call('DEL', k('entry:' .. sid))
  if raw then return { 'dequeued', raw } end
  return { 'idle' }
end
local raw = redis.call('GET', k('match:' .. decoded.matchId))
if not raw then return { 'idle' } end
local match = cjson.decode(raw)
local side = nil
if match.a.socketId == sid then side = match.a elseif match.b.socketId == sid then side = match.b end
if side == nil then return { 'idle' } end
side.disconnectedAt = tonumber(ARGV[3])
local encoded = cjson.encode(match)
redis.call('SET', k('match:' .. decoded.matchId), encoded)
return { 'away', encoded }
`;

/** ARGV: prefix, matchId, socketId, now */
export const MARK_DISCONNECTED = `${COMMON}
local raw = redis.call('GET', k('match:' .. ARGV[2]))
if not raw then return false end
local match = cjson.decode(raw)
local side = nil
if match.a.socketId == ARGV[3] then side = match.a elseif match.b.socketId == ARGV[3] then side = match.b end
if side == nil then return false end
side.disconnectedAt = tonumber(ARGV[4])
local encoded = cjson.encode(match)
redis.call('SET', k('match:' .. ARGV[2]), encoded)
redis.call('DEL', k('sock:' .. ARGV[3]))
return encoded
`;

/** ARGV: prefix, matchId, resumeToken, socketId, userId ('' when anonymous), nodeId ('' to keep) */
export const RESUME = `${COMMON}
local raw = redis.call('GET', k('match:' .. ARGV[2]))
if not raw then return { 'not_found' } end
local match = cjson.decode(raw)
local side, partner = nil, nil
if match.a.resumeToken == ARGV[3] then side, partner = match.a, match.b
elseif match.b.resumeToken == ARGV[3] then side, partner = match.b, match.a end
if side == nil or side.disconnectedAt == 0 then return { 'not_found' } end
local owner = side.profile.userId
if type(owner) == 'string' and owner ~= ARGV[5] then return { 'not_found' } end
if redis.call('EXISTS', k('gone:' .. ARGV[4])) == 1 then return { 'not_found' } end
if redis.call('EXISTS', k('sock:' .. ARGV[4])) == 1 then return { 'busy' } end
side.socketId = ARGV[4]
side.disconnectedAt = 0
if ARGV[6] ~= nil and ARGV[6] ~= '' then side.nodeId = ARGV[6] end
local encoded = cjson.encode(match)
redis.call('SET', k('match:' .. ARGV[2]), encoded)
redis.call('SET', k('sock:' .. ARGV[4]),
  cjson.encode({ state = 'matched', matchId = ARGV[2], partnerSocketId = partner.socketId }))
local partnerState = redis.call('GET', k('sock:' .. partner.socketId))
if partnerState then
  local decoded = cjson.decode(partnerState)
  if decoded.state == 'matched' and decoded.matchId == ARGV[2] then
    decoded.partnerSocketId = ARGV[4]
    redis.call('SET', k('sock:' .. partner.socketId), cjson.encode(decoded))
  end
end
return { 'resumed', encoded }
`;
