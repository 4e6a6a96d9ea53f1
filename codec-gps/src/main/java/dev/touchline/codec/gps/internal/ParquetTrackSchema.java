package dev.touchline.codec.gps.internal;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** The Parquet schema of an exported track (documented in the parquet package's overview). */
public final class ParquetTrackSchema {
    /** Column names. */
    public static final String PLAYER = "player_id";
    /** Epoch microseconds, TIMESTAMP(MICROS, UTC). */
    public static final String TIME = "time";
    /** Micro-degrees as DECIMAL(9, 6). */
    public static final String LAT = "lat_deg";
    /** Micro-degrees as DECIMAL(9, 6). */
    public static final String LON = "lon_deg";
    /** Centimetres per second as DECIMAL(9, 2); null where unknown. */
    public static final String SPEED = "speed_m_s";
    /** Largest speed DECIMAL(9, 2) holds, cm/s. */
    public static final int MAX_SPEED_CENTIMETRES_PER_SECOND = 999_999_999;
    /** Key of the file metadata entry that marks a Touchline export, and its value. */
    public static final String MARKER_KEY = "touchline.gps.parquet.schema";
    /** Schema version written into the marker. */
    public static final String MARKER_VALUE = "1";

    /** The schema. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(PLAYER)
            .required(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(TIME)
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(6, 9)).named(LAT)
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(6, 9)).named(LON)
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(2, 9)).named(SPEED)
            .named("touchline_gps_track");

    private ParquetTrackSchema() {
    }
}
