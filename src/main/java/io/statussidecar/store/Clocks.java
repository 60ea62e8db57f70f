package io.statussidecar.store;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The wall clock, injectable so that tests can move time instead of sleeping. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock system() {
        return Clock.systemUTC();
    }
}
