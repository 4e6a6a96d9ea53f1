/**
 * Player re-identification: a cosine gallery of appearance embeddings, frame-level one-to-one matching with
 * duplicate suppression, deadline-bound escalation to a remote worker, kit-colour and stature consistency checks,
 * and a built-in colour-histogram appearance encoder. Depends on {@code sensor-model} and Jackson (for the JSON
 * bodies of the HTTP escalation client).
 */
module dev.touchline.reid {
    requires static org.jspecify;
    requires transitive dev.touchline.sensor;
    requires transitive java.desktop;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.touchline.reid;
}
