package dev.touchline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchline.cli.io.CsvWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @Property(tries = 2000)
    void fixedPointMatchesBigDecimalRounding(@ForAll @DoubleRange(min = -1e6, max = 1e6) double v,
                                             @ForAll @IntRange(min = 0, max = 6) int decimals) throws IOException {
        Path file = Files.createTempFile("csv", ".csv");
        try {
            try (CsvWriter w = CsvWriter.create(file, "v")) {
                w.fixed(v, decimals).endRow();
            }
            String written = Files.readAllLines(file).get(1);
            BigDecimal expected = BigDecimal.valueOf(Math.round(v * Math.pow(10, decimals)))
                    .movePointLeft(decimals).setScale(decimals, RoundingMode.UNNECESSARY);
            assertEquals(0, new BigDecimal(written).compareTo(expected), v + " at " + decimals + " -> " + written);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void writesEmptyFieldsQuotesTextAndExactDoubles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        try (CsvWriter w = CsvWriter.create(file, "a,b,c,d,e")) {
            w.integer(-42).fixed(Double.NaN, 2).text("x,\"y\"").exact(51.123456789012).empty().endRow();
        }
        assertEquals("-42,,\"x,\"\"y\"\"\",51.123456789012,", Files.readAllLines(file).get(1));
    }
}
