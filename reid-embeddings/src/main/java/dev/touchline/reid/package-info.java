/**
 * Player re-identification on appearance embeddings.
 *
 * <p>{@link dev.touchline.reid.EmbeddingGallery} keeps, per identity, the last N L2-normalised embeddings in a
 * ring buffer (and optionally an EMA prototype) and scores a query by cosine similarity without allocating.
 * {@link dev.touchline.reid.FrameMatcher} turns one frame's queries into decisions (match, uncertain, escalate,
 * new, duplicate) under a {@link dev.touchline.reid.MatchPolicy}: one-to-one assignment by the Hungarian method,
 * duplicate suppression of overlapping detections, and optional kit-colour and stature vetoes.
 * {@link dev.touchline.reid.Escalator} sends the hard cases to a remote worker through an
 * {@link dev.touchline.reid.EscalationClient} under a hard deadline. Bad input data raises
 * {@link dev.touchline.reid.BadReidDataException} naming the row.
 */
@NullMarked
package dev.touchline.reid;

import org.jspecify.annotations.NullMarked;
