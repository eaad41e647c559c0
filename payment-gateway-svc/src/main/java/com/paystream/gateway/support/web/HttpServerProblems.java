package com.paystream.gateway.support.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts {@link HttpDecodingProblems} after Reactor Netty's HTTP codec on every connection. */
@Configuration(proxyBeanMethods = false)
public class HttpServerProblems {

  @Bean
  NettyServerCustomizer httpDecodingProblems() {
    return server ->
        server.doOnChannelInit(
            (observer, channel, address) -> {
              var pipeline = channel.pipeline();
              if (pipeline.get(NettyPipeline.HttpCodec) != null
                  && pipeline.get(HttpDecodingProblems.NAME) == null) {
                pipeline.addAfter(
                    NettyPipeline.HttpCodec, HttpDecodingProblems.NAME, new HttpDecodingProblems());
              }
            });
  }
}
