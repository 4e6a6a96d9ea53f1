package dev.touchline.cli.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchline.cli.BadInputException;
import dev.touchline.formats.CsvLines;
import dev.touchline.formats.FormatException;
import dev.touchline.sensor.PlayerId;
import dev.touchline.sensor.TimeMicros;
import dev.touchline.sensor.simulation.SimulationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code touchline simulate} wrote into a directory: {@code session.json} (seed, kick-off, durations) and
 * {@code roster.csv}; the per-signal files are read by {@link SessionLoader}.
 */
final class SessionDirectory {
    /** One roster row. */
    record Person(int number, PlayerId id, String team, String role, int jersey, boolean player) {
    }

    final Path dir;
    final long seed;
    final SimulationConfig config;
    final List<Person> roster;

    private SessionDirectory(Path dir, long seed, SimulationConfig config, List<Person> roster) {
        this.dir = dir;
        this.seed = seed;
        this.config = config;
        this.roster = roster;
    }

    /** Reads session.json and roster.csv; a directory without session.json is a usage error, not bad data. */
    static SessionDirectory read(Path dir) throws IOException, BadInputException {
        Path json = dir.resolve("session.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(json + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        long seed = required(root, json, "seed").asLong();
        long kickoff = required(root, json, "kickoff_time_us").asLong();
        double minutes = required(root, json, "minutes").asDouble();
        double breakSeconds = required(root, json, "half_time_break_s").asDouble();
        int players = required(root, json, "players").asInt();
        SimulationConfig config;
        try {
            config = SimulationConfig.builder()
                    .seed(seed)
                    .players(players)
                    .matchDuration(Duration.ofMillis(Math.round(minutes * 60_000)))
                    .halfTimeBreak(Duration.ofMillis(Math.round(breakSeconds * 1_000)))
                    .kickoff(TimeMicros.toInstant(kickoff))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(json + ": " + e.getMessage(), e);
        }
        return new SessionDirectory(dir, seed, config, readRoster(dir.resolve("roster.csv")));
    }

    private static JsonNode required(JsonNode root, Path file, String field) throws BadInputException {
        JsonNode n = root.get(field);
        if (n == null || !(n.isNumber())) {
            throw new BadInputException(file + ": missing number field \"" + field + "\"");
        }
        return n;
    }

    private static List<Person> readRoster(Path file) throws IOException, BadInputException {
        List<Person> roster = new ArrayList<>();
        try (CsvLines lines = CsvLines.open(file)) {
            String[] header = lines.header();
            int number = lines.column(header, "player_id");
            int uuid = lines.column(header, "uuid");
            int team = lines.column(header, "team");
            int role = lines.column(header, "role");
            int jersey = lines.column(header, "jersey");
            for (String[] f = lines.next(); f.length > 0; f = lines.next()) {
                lines.requireFields(f, header.length);
                try {
                    String r = f[role].toLowerCase(Locale.ROOT);
                    roster.add(new Person(Integer.parseInt(f[number]), PlayerId.parse(f[uuid]), f[team], r,
                            Integer.parseInt(f[jersey]), !r.equals("referee") && !r.equals("assistant_referee")));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(lines.source(), lines.lineNumber(), e.getMessage(), e);
                }
            }
        } catch (FormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (roster.isEmpty()) {
            throw new BadInputException(file + ": no roster rows");
        }
        return roster;
    }

    /** The roster entry with this player number, or null. */
    @org.jspecify.annotations.Nullable Person byNumber(int number) {
        for (Person p : roster) {
            if (p.number() == number) {
                return p;
            }
        }
        return null;
    }

    /** Epoch microseconds of a {@code time_s} value (seconds since kick-off). */
    long micros(double timeSeconds) {
        return config.kickoffMicros() + Math.round(timeSeconds * 1e6);
    }

    boolean exists(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }
}
