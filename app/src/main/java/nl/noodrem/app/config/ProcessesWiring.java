package nl.noodrem.app.config;

import nl.noodrem.processes.config.ProcessesConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The flows (BPMN, DMN, delegates and services) with the app's adapters for their ports. */
@Configuration(proxyBeanMethods = false)
@Import(ProcessesConfiguration.class)
class ProcessesWiring {}
