package dev.touchline.postgres;

/**
 * Distance a player covered in one match period, from consecutive GNSS fixes.
 *
 * @param period the period, from 1
 * @param metres great-circle distance in metres (haversine, mean Earth radius 6 371 008.8 m)
 * @param fixes the fixes stored in the period
 */
public record PeriodDistance(int period, double metres, long fixes) {
}
