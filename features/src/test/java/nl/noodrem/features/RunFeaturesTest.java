package nl.noodrem.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** Runs every feature in {@code src/test/resources/features} against the assembled application. */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
public class RunFeaturesTest {}
