-- Catalogue tables: who played, with what device, in which match. Raw samples refer to these by key.
CREATE TABLE teams (
    team_key   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE
);

CREATE TABLE players (
    player_id  uuid PRIMARY KEY,                 -- the 16-byte RFID/UUID of the player
    name       text NOT NULL,
    team_key   bigint REFERENCES teams (team_key),
    squad      text NOT NULL DEFAULT 'first_team' -- e.g. first_team, academy; used by row-level security later
);

CREATE TABLE matches (
    match_key  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_id   text NOT NULL UNIQUE,             -- the caller's identifier, stored verbatim
    name       text NOT NULL,
    match_date date NOT NULL,                    -- the UTC date of kick-off: the partition key of raw samples
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    home_team_key bigint REFERENCES teams (team_key),
    away_team_key bigint REFERENCES teams (team_key),
    CHECK (ends_at > starts_at)
);

CREATE TABLE match_periods (
    match_key  bigint NOT NULL REFERENCES matches (match_key),
    period     smallint NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    PRIMARY KEY (match_key, period),
    CHECK (ends_at > starts_at)
);

CREATE TABLE devices (
    device_id  text PRIMARY KEY,
    kind       text NOT NULL
);

CREATE TABLE sessions (
    session_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_key   bigint NOT NULL REFERENCES matches (match_key),
    player_id   uuid NOT NULL REFERENCES players (player_id),
    device_id   text REFERENCES devices (device_id),
    UNIQUE (match_key, player_id)
);
