package io.catscores.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Import it to see every statement the api's handlers prepare: the {@link DatabaseClient} is
 * wrapped and each {@code sql(...)} is recorded. Proves rules about queries (none per cache hit,
 * one for many concurrent misses, no count of the score table), never a speed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryLog implements BeanPostProcessor {

  private final List<String> statements = new CopyOnWriteArrayList<>();

  public List<String> statements() {
    return List.copyOf(statements);
  }

  public void clear() {
    statements.clear();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!(bean instanceof DatabaseClient db)) {
      return bean;
    }
    return Proxy.newProxyInstance(
        DatabaseClient.class.getClassLoader(),
        new Class<?>[] {DatabaseClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("sql") && args != null && args[0] instanceof String sql) {
            statements.add(sql);
          }
          try {
            return method.invoke(db, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
