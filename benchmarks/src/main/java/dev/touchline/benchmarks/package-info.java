/**
 * JMH benchmarks of Touchline, side by side with peer libraries where one exists. Build with
 * {@code ./mvnw -B -pl benchmarks -am package -DskipTests} and run {@code java -jar benchmarks/target/benchmarks.jar}.
 * Figures are recorded in {@code benchmarks/RESULTS.md}.
 */
package dev.touchline.benchmarks;
