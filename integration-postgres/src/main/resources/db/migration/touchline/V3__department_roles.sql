-- Department roles. Rows are filtered by row-level security; columns by column privileges and by not granting
-- whole tables (row-level security filters rows, not columns). Roles are cluster-wide, so they are created only
-- when missing. They cannot log in: grant them to login roles (GRANT touchline_academy TO some_user).
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['touchline_medical', 'touchline_performance', 'touchline_academy',
                             'touchline_scouting'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END;
$$;

GRANT USAGE ON SCHEMA public TO touchline_medical, touchline_performance, touchline_academy, touchline_scouting;

-- Catalogue: everyone reads teams, matches and periods; scouting sees players without their squad.
GRANT SELECT ON teams, matches, match_periods TO touchline_medical, touchline_performance, touchline_academy,
    touchline_scouting;
GRANT SELECT ON players TO touchline_medical, touchline_performance, touchline_academy;
GRANT SELECT (player_id, name, team_key) ON players TO touchline_scouting;

-- Raw samples: medical and performance see everything; academy sees its players' wearable data; scouting sees
-- movement (GNSS, optical positions, touches) but never heart rate, load or fatigue.
GRANT SELECT ON gnss_fix, heart_rate, load_per_second, touch_event, fatigue_index_per_second, optical_position
    TO touchline_medical, touchline_performance;
GRANT SELECT ON gnss_fix, heart_rate, load_per_second, touch_event, fatigue_index_per_second TO touchline_academy;
GRANT SELECT ON gnss_fix, optical_position, touch_event TO touchline_scouting;

ALTER TABLE players ENABLE ROW LEVEL SECURITY;
CREATE POLICY players_all ON players FOR SELECT
    TO touchline_medical, touchline_performance, touchline_scouting USING (true);
CREATE POLICY players_academy ON players FOR SELECT TO touchline_academy USING (squad = 'academy');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['gnss_fix', 'heart_rate', 'load_per_second', 'touch_event',
                             'fatigue_index_per_second'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO touchline_medical, touchline_performance, '
                       'touchline_scouting USING (true)', t || '_all', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO touchline_academy USING (player_id IN '
                       '(SELECT p.player_id FROM players p WHERE p.squad = %L))', t || '_academy', t, 'academy');
    END LOOP;
END;
$$;
