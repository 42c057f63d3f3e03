package org.trunkguard.load;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** host:port (or [v6]:port) on the command line, resolved without DNS for literal addresses. */
final class SocketAddresses implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException("expected host:port, got '" + value + "'");
        }
        String host = value.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("port of '" + value + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new TypeConversionException("port of '" + value + "' must be 1..65535");
        }
        return new InetSocketAddress(host, port);
    }
}
