/**
 * The topic catalogue: every topic's name, partitions, retention, value type and writers in one
 * place, the one prefix mechanism ({@code TopicNames}) and the one startup step that creates
 * missing topics.
 */
package com.paystream.schemas.topics;
