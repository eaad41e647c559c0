package com.paystream.recon.instances;

import com.paystream.recon.ReconProperties;
import com.paystream.recon.matching.streams.ReconStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the fan-out to the other instances and the passing on of acts to the holder of their
 * target; parts are read (and passed-on bodies written) with the service's JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
class InstancesConfiguration {

  @Bean
  Peers peers(JsonMapper json, ReconProperties recon) {
    return new Peers(json, recon.peerTimeout());
  }

  @Bean
  Holders holders(ReconStreams streams, Peers peers) {
    return new Holders(streams, peers);
  }

  @Bean
  WholeQuery wholeQuery(ReconStreams streams, Peers peers) {
    return new WholeQuery(streams, peers);
  }
}
