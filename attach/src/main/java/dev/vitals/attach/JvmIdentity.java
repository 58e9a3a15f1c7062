package dev.vitals.attach;

/**
 * Who a connected JVM is, read over JMX.
 *
 * @param address          how it was reached: "pid 1234" or "host:port"
 * @param pid              its pid on its own machine
 * @param name             its command ({@code sun.java.command}): main class or jar, then arguments
 * @param jdkVendor        {@code java.vendor}
 * @param jdkVersion       {@code java.version}
 * @param jdkFeature       feature release (17, 25)
 * @param vmName           {@code java.vm.name}
 * @param startEpochMillis JVM start time
 */
public record JvmIdentity(String address, long pid, String name, String jdkVendor, String jdkVersion,
                          int jdkFeature, String vmName, long startEpochMillis) {
}
