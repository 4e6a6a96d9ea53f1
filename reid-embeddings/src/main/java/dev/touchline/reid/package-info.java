/**
 * Player re-identification on appearance embeddings.
 *
 * <p>{@link dev.touchline.reid.EmbeddingGallery} keeps, per identity, the last N L2-normalised embeddings in a
 * ring buffer (and optionally an EMA prototype) and scores a query by cosine similarity without allocating; all
 * identities' rings share one array per dimension so a frame's queries are scored four at a time in one
 * vectorised pass over every stored embedding; its state can be taken as a
 * {@link dev.touchline.reid.GallerySnapshot} and restored. Run with {@code --add-modules jdk.incubator.vector}
 * (incubating in Java 17) and the gallery scores with a Vector API kernel instead of the portable one, same
 * results, less time; {@link dev.touchline.reid.EmbeddingGallery#scoringKernel()} tells which one is active.
 * {@link dev.touchline.reid.FrameMatcher} turns one frame's queries into decisions (match, uncertain, escalate,
 * new, duplicate) under a {@link dev.touchline.reid.MatchPolicy}: one-to-one assignment by the Hungarian method,
 * duplicate suppression of overlapping detections, and optional kit-colour and stature vetoes.
 * {@link dev.touchline.reid.Escalator} sends the hard cases to a remote worker through an
 * {@link dev.touchline.reid.EscalationClient} under a hard deadline. Bad input data raises
 * {@link dev.touchline.reid.BadReidDataException} naming the row. Consistency checks
 * ({@link dev.touchline.reid.FixedKitRule}, {@link dev.touchline.reid.LearnedKitModel},
 * {@link dev.touchline.reid.StatureCheck}, {@link dev.touchline.reid.TeamCheck}) veto (query, identity) pairs; {@link dev.touchline.reid.ColourHistogramEncoder}
 * is a pure-Java {@link dev.touchline.reid.AppearanceEncoder}.
 */
@NullMarked
package dev.touchline.reid;

import org.jspecify.annotations.NullMarked;
