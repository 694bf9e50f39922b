package dev.ccauth.testkit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

import java.util.List;

/**
 * Spells the headers Reactor Netty adds on its own ({@code connection: close} and the
 * like, written in lower case) the way the platforms' servers write them, so that every
 * header name on the wire is spelled as the platforms spell it. Sits right after the HTTP
 * codec, so it sees responses once Reactor Netty is done with them.
 */
@ChannelHandler.Sharable
final class HeaderSpelling extends ChannelOutboundHandlerAdapter {

	static final HeaderSpelling INSTANCE = new HeaderSpelling();

	private static final List<String> ADDED_BY_NETTY = List.of("Connection", "Content-Length", "Transfer-Encoding");

	private HeaderSpelling() {
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof HttpResponse response) {
			HttpHeaders headers = response.headers();
			for (String name : ADDED_BY_NETTY) {
				List<String> values = headers.getAll(name);
				if (!values.isEmpty()) {
					headers.remove(name); // case-insensitive: whatever spelling it had
					headers.add(name, values);
				}
			}
		}
		super.write(context, message, promise);
	}

}
