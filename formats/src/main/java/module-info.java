/**
 * Touchline's readers of real-world exports: vendor GNSS CSVs (STATSports, Catapult), the generic track CSV, GPX,
 * FIT, tracking data (Last Row, SoccerTrack, Sportec) and PhysioNet WFDB records,
 * into sensor-model types. Depends on sensor-model alone.
 */
module dev.touchline.formats {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;
    requires java.xml;

    exports dev.touchline.formats;
    exports dev.touchline.formats.catapult;
    exports dev.touchline.formats.csv;
    exports dev.touchline.formats.fit;
    exports dev.touchline.formats.gpx;
    exports dev.touchline.formats.statsports;
    exports dev.touchline.formats.tracking;
    exports dev.touchline.formats.wfdb;
}
