/**
 * The topic catalogue: every topic's name, partitions, retention and value type in one place, and
 * the startup step that creates missing topics (the suite never relies on auto-creation).
 */
package com.paystream.schemas.topics;
