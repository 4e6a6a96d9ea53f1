-- Raw sample tables. Each is partitioned by match_date (one partition per day, created on demand by
-- touchline_ensure_partitions) and carries one BRIN index on event_time and no B-tree: a B-tree on
-- (player_id, event_time) more than halves COPY throughput while BRIN keeps it, and rows arrive time-ordered.

CREATE TABLE gnss_fix (
    match_date date NOT NULL,
    match_key  bigint NOT NULL,
    player_id  uuid NOT NULL,
    event_time timestamptz NOT NULL,
    lat_deg    double precision NOT NULL,
    lon_deg    double precision NOT NULL,
    speed_mps  real NOT NULL
) PARTITION BY RANGE (match_date);

CREATE TABLE optical_position (
    match_date date NOT NULL,
    match_key  bigint NOT NULL,
    object_id  integer NOT NULL,
    frame      integer NOT NULL,
    event_time timestamptz NOT NULL,
    x_m        real NOT NULL,
    y_m        real NOT NULL
) PARTITION BY RANGE (match_date);

CREATE TABLE heart_rate (
    match_date date NOT NULL,
    match_key  bigint NOT NULL,
    player_id  uuid NOT NULL,
    event_time timestamptz NOT NULL,
    bpm        real NOT NULL
) PARTITION BY RANGE (match_date);

CREATE TABLE load_per_second (
    match_date   date NOT NULL,
    match_key    bigint NOT NULL,
    player_id    uuid NOT NULL,
    event_time   timestamptz NOT NULL,
    player_load  real NOT NULL,
    impulse_ns   real NOT NULL
) PARTITION BY RANGE (match_date);

CREATE TABLE touch_event (
    match_date date NOT NULL,
    match_key  bigint NOT NULL,
    player_id  uuid NOT NULL,
    event_time timestamptz NOT NULL,
    kind       text NOT NULL
) PARTITION BY RANGE (match_date);

CREATE TABLE fatigue_index_per_second (
    match_date date NOT NULL,
    match_key  bigint NOT NULL,
    player_id  uuid NOT NULL,
    event_time timestamptz NOT NULL,
    fatigue    real NOT NULL
) PARTITION BY RANGE (match_date);

-- Partitioned BRIN indexes: every partition created later inherits them.
CREATE INDEX gnss_fix_time_brin ON gnss_fix USING brin (event_time)
    WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX optical_position_time_brin ON optical_position USING brin (event_time)
    WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX heart_rate_time_brin ON heart_rate USING brin (event_time)
    WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX load_per_second_time_brin ON load_per_second USING brin (event_time)
    WITH (pages_per_range = 16, autosummarize = on);
CREATE INDEX touch_event_time_brin ON touch_event USING brin (event_time)
    WITH (pages_per_range = 16, autosummarize = on);
CREATE INDEX fatigue_index_per_second_time_brin ON fatigue_index_per_second USING brin (event_time)
    WITH (pages_per_range = 16, autosummarize = on);

-- Creates the partition of every raw table for one day if it is missing. Names are built from the date and a
-- fixed list of tables, never from caller text. Checking first avoids the parent's lock when the partition exists.
CREATE FUNCTION touchline_ensure_partitions(day date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    parent  text;
    child   text;
    created integer := 0;
BEGIN
    FOREACH parent IN ARRAY ARRAY['gnss_fix', 'optical_position', 'heart_rate', 'load_per_second',
                                  'touch_event', 'fatigue_index_per_second'] LOOP
        child := parent || '_' || to_char(day, 'YYYYMMDD');
        IF to_regclass(format('%I', child)) IS NULL THEN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           child, parent, day, day + 1);
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

-- One row per loaded batch, written in the batch's own transaction: a retried batch finds its id and skips.
CREATE TABLE ingest_batch (
    batch_id     uuid PRIMARY KEY,
    target_table text NOT NULL,
    match_key    bigint NOT NULL REFERENCES matches (match_key),
    rows_loaded  integer NOT NULL,
    rows_quarantined integer NOT NULL,
    attempts     integer NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now()
);

-- Rows the sink refused, with the reason; they never abort their batch.
CREATE TABLE quarantine (
    quarantine_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id     uuid NOT NULL REFERENCES ingest_batch (batch_id),
    target_table text NOT NULL,
    row_index    integer NOT NULL,
    reason       text NOT NULL,
    row_data     jsonb NOT NULL,
    quarantined_at timestamptz NOT NULL DEFAULT now()
);
