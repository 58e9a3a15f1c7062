package dev.vitals.packaging;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * Test-only check that the linked runtime of the app-image can do what Vitals' sources do: attach
 * to the JVM whose pid is the argument, start its local JMX agent, connect over JMX and read its
 * runtime and Flight Recorder MXBeans. Prints {@code attach-check: …} on success. {@code
 * dist-test.sh} runs it on the demo workload, itself started on that runtime, so both the client
 * modules (attach, JMX remote, JFR management) and the target's agent module are proven present.
 * Never part of the application.
 */
public final class AttachCheck {
    private AttachCheck() {
    }

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(
                    server, ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            FlightRecorderMXBean recorder = JMX.newMXBeanProxy(
                    server, new ObjectName(FlightRecorderMXBean.MXBEAN_NAME), FlightRecorderMXBean.class);
            System.out.println("attach-check: " + runtime.getVmName() + " " + runtime.getVmVersion() + ", "
                    + recorder.getConfigurations().size() + " JFR configurations");
        }
    }
}
