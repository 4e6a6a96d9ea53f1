package dev.touchline.cli.gps;

import dev.touchline.cli.BadInputException;
import dev.touchline.codec.gps.CorruptGpsDataException;
import dev.touchline.codec.gps.GpsCodec;
import dev.touchline.codec.gps.GpsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Opening .tlg files for the gps subcommands, with the CLI's error conventions. */
final class GpsFiles {
    private GpsFiles() {
    }

    static byte[] readAll(CommandSpec spec, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e);
        }
    }

    static GpsFile open(CommandSpec spec, Path file) throws BadInputException {
        byte[] bytes = readAll(spec, file);
        try {
            return GpsCodec.defaults().open(bytes);
        } catch (CorruptGpsDataException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
