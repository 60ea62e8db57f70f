/**
 * What every endpoint of the sidecar shares, whichever capability it serves: the JSON error shape and
 * its one mapper, strict query parameters, and the gates that bound expensive requests (SPEC §3, §11).
 * It depends on no other package of the sidecar, so {@code api}, {@code logs} and {@code bundle} can
 * all use it without leaning on each other.
 */
package io.statussidecar.http;
