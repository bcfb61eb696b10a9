package nianbao.api.routes;

import nianbao.api.ApiContext;
import nianbao.api.access.Access;
import nianbao.api.http.Authorisation;
import nianbao.api.http.Request;
import nianbao.api.http.Route;

/**
 * The place a write acts on, for callers limited to a region: a report's (its head, or a deleted report's tombstone:
 * one GetItem each, only for such callers), a roster's (its province and city). An upload acts on no known place:
 * the report's region is read from the file, after the write.
 */
public final class WritePlaces implements Authorisation.Places {
  private final ApiContext ctx;

  public WritePlaces(ApiContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Access.Place of(Route route, Request request) {
    String id = request.param("id");
    if (id != null) {
      String what = "报告 " + id;
      var view = ctx.store().reportView(id);
      if (view.isPresent()) {
        var region = view.get().region();
        return new Access.Place(what, region.province(), region.city(), region.county());
      }
      return ctx.store().deleted(id).map(d -> new Access.Place(what, d.province(), d.city(), d.county()))
          .orElse(null); // no such report: the route answers 404
    }
    if (route.path().equals("/rosters")) {
      String province = request.query("province");
      String city = request.query("city");
      return new Access.Place(city == null ? province + "的名单" : province + city + "的名单",
          province == null ? null : province.strip(), city == null ? null : city.strip(), null);
    }
    return null;
  }
}
