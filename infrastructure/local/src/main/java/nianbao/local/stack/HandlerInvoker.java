package nianbao.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * One instance of a handler named as template.yaml names it ({@code package.Class::method}), made and called the
 * way the Lambda Java runtime makes and calls it: the public no-argument constructor; a
 * {@link RequestStreamHandler} gets the raw bytes; a {@link RequestHandler} gets its input type deserialised with
 * the runtime's own serializers (aws-lambda-java-serialization: {@link LambdaEventSerializers} for the
 * aws-lambda-java-events classes, Jackson for other types), and its result serialised the same way.
 */
final class HandlerInvoker {
  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

  private final Object handler;
  private final Method method;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  private HandlerInvoker(Object handler, Method method, PojoSerializer<Object> input, PojoSerializer<Object> output) {
    this.handler = handler;
    this.method = method;
    this.input = input;
    this.output = output;
  }

  /** Loads the class, makes an instance (its init phase) and finds the method to call. */
  static HandlerInvoker create(String spec) throws ReflectiveOperationException {
    String className = spec.contains("::") ? spec.substring(0, spec.indexOf("::")) : spec;
    String methodName = spec.contains("::") ? spec.substring(spec.indexOf("::") + 2) : "handleRequest";
    Class<?> type = Class.forName(className, true, HandlerInvoker.class.getClassLoader());
    Object instance = type.getConstructor().newInstance();
    if (instance instanceof RequestStreamHandler && methodName.equals("handleRequest")) {
      return new HandlerInvoker(instance, null, null, null);
    }
    Method method = null;
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName) && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class
          && (method == null || method.getParameterTypes()[0] == Object.class)) {
        method = m;
      }
    }
    if (method == null) {
      throw new NoSuchMethodException(className + "::" + methodName + "(input, Context) not found");
    }
    return new HandlerInvoker(instance, method, serializer(method.getParameterTypes()[0]),
        method.getReturnType() == void.class ? null : serializer(method.getReturnType()));
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    ClassLoader loader = HandlerInvoker.class.getClassLoader();
    if (type.getName().startsWith(EVENTS_PACKAGE)) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  /** One invocation: event bytes in, result bytes out; a handler's exception propagates. */
  byte[] invoke(byte[] event, Context context) throws Throwable {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (method == null) {
      ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    Object request = input.fromJson(new ByteArrayInputStream(event));
    Object result;
    try {
      result = method.invoke(handler, request, context);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
    if (output == null || result == null) {
      return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    output.toJson(result, out);
    return out.toByteArray();
  }
}
