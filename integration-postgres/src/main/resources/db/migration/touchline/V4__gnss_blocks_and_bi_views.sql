-- Compressed GNSS: codec-gps containers, one row per container a device or pipeline produced for a player in a
-- match (a whole session file, or one segment of a live stream). The container keeps its own version byte, CRC32C
-- per block and seek table, so a time range is restored by decoding only the blocks that hold it; first_time and
-- last_time let SQL pick the containers. The bytes are already entropy-coded: EXTERNAL storage skips the futile
-- pglz attempt and lets substring() read parts without decompressing.
CREATE TABLE gnss_block (
    match_key  bigint NOT NULL REFERENCES matches (match_key),
    player_id  uuid NOT NULL REFERENCES players (player_id),
    first_time timestamptz NOT NULL,
    last_time  timestamptz NOT NULL,
    fixes      integer NOT NULL,
    data       bytea NOT NULL,
    PRIMARY KEY (match_key, player_id, first_time),
    CHECK (last_time >= first_time),
    CHECK (fixes > 0)
);
ALTER TABLE gnss_block ALTER COLUMN data SET STORAGE EXTERNAL;

GRANT SELECT ON gnss_block TO touchline_medical, touchline_performance, touchline_academy, touchline_scouting;
ALTER TABLE gnss_block ENABLE ROW LEVEL SECURITY;
CREATE POLICY gnss_block_all ON gnss_block FOR SELECT
    TO touchline_medical, touchline_performance, touchline_scouting USING (true);
CREATE POLICY gnss_block_academy ON gnss_block FOR SELECT TO touchline_academy
    USING (player_id IN (SELECT p.player_id FROM players p WHERE p.squad = 'academy'));

-- Views for BI tools, per player and minute (minute = date_trunc('minute', event_time), UTC). They run with the
-- querying role's rights (security_invoker), so row-level security and table grants of the raw tables still
-- decide what each department sees: a view never widens access.
--
-- Movement from GNSS fixes: distance is the haversine step from the previous fix (mean Earth radius 6 371 008.8 m),
-- none across a gap above 5 s (half-time, a lost signal). Speed zones by the fix's speed in m/s: z1 < 2.0
-- (walking, 7.2 km/h), z2 < 4.0 (jogging, 14.4 km/h), z3 < 5.5 (running, 19.8 km/h), z4 < 7.0 (high-speed,
-- 25.2 km/h), z5 >= 7.0 (sprinting); fixes with unknown (NaN) speed count towards distance but no zone. A sprint
-- is a fix at >= 7.0 m/s whose previous fix was slower (or after a gap). SampleQueries.speedZonesPerPeriod takes
-- other thresholds.
CREATE VIEW bi_player_minute_movement WITH (security_invoker = true) AS
WITH steps AS (
    SELECT match_key, player_id, event_time, speed_mps, lat_deg, lon_deg,
           lag(lat_deg) OVER w AS plat, lag(lon_deg) OVER w AS plon, lag(speed_mps) OVER w AS pspeed,
           event_time - lag(event_time) OVER w AS dt
    FROM gnss_fix
    WINDOW w AS (PARTITION BY match_key, player_id ORDER BY event_time)
), d AS (
    SELECT match_key, player_id, date_trunc('minute', event_time) AS minute,
           CASE WHEN speed_mps = 'NaN' THEN NULL
                WHEN speed_mps < 2.0 THEN 1 WHEN speed_mps < 4.0 THEN 2 WHEN speed_mps < 5.5 THEN 3
                WHEN speed_mps < 7.0 THEN 4 ELSE 5 END AS zone,
           CASE WHEN speed_mps <> 'NaN' AND speed_mps >= 7.0
                     AND (dt IS NULL OR dt > interval '5 seconds' OR pspeed = 'NaN' OR pspeed < 7.0)
                THEN 1 ELSE 0 END AS sprint_start,
           CASE WHEN dt IS NULL OR dt > interval '5 seconds' THEN 0.0
                ELSE 2 * 6371008.8 * asin(sqrt(power(sin(radians(lat_deg - plat) / 2), 2)
                     + cos(radians(plat)) * cos(radians(lat_deg)) * power(sin(radians(lon_deg - plon) / 2), 2)))
                END AS step_m
    FROM steps
)
SELECT match_key, player_id, minute,
       count(*) AS fixes,
       sum(step_m) AS distance_m,
       coalesce(sum(step_m) FILTER (WHERE zone = 1), 0) AS zone1_m,
       coalesce(sum(step_m) FILTER (WHERE zone = 2), 0) AS zone2_m,
       coalesce(sum(step_m) FILTER (WHERE zone = 3), 0) AS zone3_m,
       coalesce(sum(step_m) FILTER (WHERE zone = 4), 0) AS zone4_m,
       coalesce(sum(step_m) FILTER (WHERE zone = 5), 0) AS zone5_m,
       sum(sprint_start) AS sprints
FROM d
GROUP BY match_key, player_id, minute;

-- Load: PlayerLoad (arbitrary units) and impulse (N·s) summed over the minute's per-second rows.
CREATE VIEW bi_player_minute_load WITH (security_invoker = true) AS
SELECT match_key, player_id, date_trunc('minute', event_time) AS minute,
       count(*) AS seconds,
       sum(player_load) AS player_load,
       sum(impulse_ns) AS impulse_ns
FROM load_per_second
GROUP BY match_key, player_id, date_trunc('minute', event_time);

-- Heart rate: time in zone, each row weighted by the interval since the previous row (none across a gap above
-- 5 s), zones in fixed bpm: z1 < 120, z2 < 140, z3 < 160, z4 < 180, z5 >= 180 (60/70/80/90 % of an HRmax of
-- 200 bpm; the catalogue holds no per-player maximum yet).
CREATE VIEW bi_player_minute_heart_rate WITH (security_invoker = true) AS
WITH r AS (
    SELECT match_key, player_id, date_trunc('minute', event_time) AS minute, bpm,
           extract(epoch FROM event_time - lag(event_time) OVER w) AS dt_s
    FROM heart_rate
    WINDOW w AS (PARTITION BY match_key, player_id ORDER BY event_time)
), s AS (
    SELECT match_key, player_id, minute, bpm,
           CASE WHEN dt_s IS NULL OR dt_s > 5 THEN 0 ELSE dt_s END AS w_s
    FROM r
)
SELECT match_key, player_id, minute,
       count(*) AS samples,
       avg(bpm) AS mean_bpm,
       max(bpm) AS max_bpm,
       coalesce(sum(w_s) FILTER (WHERE bpm < 120), 0) AS hr_zone1_s,
       coalesce(sum(w_s) FILTER (WHERE bpm >= 120 AND bpm < 140), 0) AS hr_zone2_s,
       coalesce(sum(w_s) FILTER (WHERE bpm >= 140 AND bpm < 160), 0) AS hr_zone3_s,
       coalesce(sum(w_s) FILTER (WHERE bpm >= 160 AND bpm < 180), 0) AS hr_zone4_s,
       coalesce(sum(w_s) FILTER (WHERE bpm >= 180), 0) AS hr_zone5_s
FROM s
GROUP BY match_key, player_id, minute;

-- Everything per player and minute in one row, for the departments that may see heart rate and load.
CREATE VIEW bi_player_minute WITH (security_invoker = true) AS
SELECT coalesce(m.match_key, l.match_key, h.match_key) AS match_key,
       coalesce(m.player_id, l.player_id, h.player_id) AS player_id,
       coalesce(m.minute, l.minute, h.minute) AS minute,
       m.distance_m, m.zone1_m, m.zone2_m, m.zone3_m, m.zone4_m, m.zone5_m, m.sprints,
       l.player_load, l.impulse_ns,
       h.mean_bpm, h.max_bpm, h.hr_zone1_s, h.hr_zone2_s, h.hr_zone3_s, h.hr_zone4_s, h.hr_zone5_s
FROM bi_player_minute_movement m
FULL JOIN bi_player_minute_load l USING (match_key, player_id, minute)
FULL JOIN bi_player_minute_heart_rate h
    ON h.match_key = coalesce(m.match_key, l.match_key) AND h.player_id = coalesce(m.player_id, l.player_id)
   AND h.minute = coalesce(m.minute, l.minute);

-- Movement is for everyone (scouting included); load, heart rate and the combined view never for scouting.
GRANT SELECT ON bi_player_minute_movement
    TO touchline_medical, touchline_performance, touchline_academy, touchline_scouting;
GRANT SELECT ON bi_player_minute_load, bi_player_minute_heart_rate, bi_player_minute
    TO touchline_medical, touchline_performance, touchline_academy;
