// Offline event map: country outlines (Natural Earth, shipped with sitrep) drawn as SVG paths,
// events as markers clustered in screen space, re-clustered on zoom. Click a single marker to open
// its event; click a cluster to zoom in and list its events. No tiles, no network beyond this server.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var list = document.getElementById("map-list");
  var status = document.getElementById("map-status");
  var W = 1000, H = 600, RADIUS = 30;
  var view = {cx: 0, cy: 0, scale: 1};     // map units -> screen
  var points = [], land, markers;

  function project(lon, lat) {             // equirectangular, cos(latitude) kept by the x scale
    return [lon * view.k, -lat];
  }
  function toScreen(x, y) { return [(x - view.cx) * view.scale + W / 2, (y - view.cy) * view.scale + H / 2]; }

  function fit(pts) {
    var lons = pts.map(function (p) { return p.lon; }), lats = pts.map(function (p) { return p.lat; });
    var w = Math.min.apply(null, lons), e = Math.max.apply(null, lons);
    var s = Math.min.apply(null, lats), n = Math.max.apply(null, lats);
    if (!pts.length) { w = -170; e = 180; s = -58; n = 80; }
    var dx = Math.max(e - w, 8) * 1.3, dy = Math.max(n - s, 5) * 1.3;
    view.k = Math.cos(((s + n) / 2) * Math.PI / 180);
    view.cx = (w + e) / 2 * view.k; view.cy = -(s + n) / 2;
    view.scale = Math.min(W / (dx * view.k), H / dy);
  }

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function drawLand(features) {
    land = el("g", {"class": "landlayer"});
    features.forEach(function (f) {
      var path = el("path", {"class": "land", d: ringsPath(f.geometry)});
      var t = el("title", {}); t.textContent = f.properties.name; path.appendChild(t);
      land.appendChild(path);
    });
    svg.appendChild(land);
  }

  var provinces = [];                        // admin-1 features with a label point, for the labels
  function ringsPath(geometry) {
    var polys = geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
    var d = "";
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        d += "M" + ring.map(function (p) { var q = project(p[0], p[1]); return q[0].toFixed(3) + "," + q[1].toFixed(3); }).join("L") + "Z";
      });
    });
    return d;
  }
  function drawAdmin1(features) {              // province outlines and names (/admin1.geojson)
    var g = el("g", {"class": "admin1layer"});
    land.appendChild(g);                       // in the document first: getBBox needs it
    svg.setAttribute("data-admin1-count", String(features.length));
    features.forEach(function (f) {
      if (!f.geometry) return;
      var path = el("path", {"class": "admin1", d: ringsPath(f.geometry), "data-name": f.properties.name || ""});
      var t = el("title", {}); t.textContent = f.properties.name || ""; path.appendChild(t);
      g.appendChild(path);
      var box = path.getBBox();
      if (f.properties.label && f.properties.name) provinces.push({name: f.properties.name, lon: f.properties.label[0], lat: f.properties.label[1], w: box.width});
    });
  }
  function drawProvinceLabels() {              // names of provinces large enough on screen
    var g = el("g", {"class": "admin1-labels"});
    var px = (svg.getBoundingClientRect().width || W) / W;   // screen pixels per map unit
    g.setAttribute("font-size", (11 / px).toFixed(1));       // 11 screen px at any window width
    provinces.forEach(function (p) {
      if (p.w * view.scale * px < 70) return;
      var q = project(p.lon, p.lat), s = toScreen(q[0], q[1]);
      if (s[0] < 0 || s[0] > W || s[1] < 0 || s[1] > H) return;
      var t = el("text", {"class": "admin1-label", x: s[0].toFixed(1), y: s[1].toFixed(1), "text-anchor": "middle"});
      t.textContent = p.name;
      g.appendChild(t);
    });
    return g;
  }

  function render() {
    land.setAttribute("transform", "translate(" + (W / 2 - view.cx * view.scale) + "," + (H / 2 - view.cy * view.scale) + ") scale(" + view.scale + ")");
    if (markers) markers.remove();
    markers = el("g", {"class": "markers"});
    markers.appendChild(drawProvinceLabels());
    // greedy clustering: a point joins the first cluster anchored within RADIUS px (looked up in
    // the 3x3 neighbouring grid cells), else it anchors a new one: O(n), no cell-boundary splits.
    var grid = {}, clusters = [];
    points.forEach(function (p) {
      var q = project(p.lon, p.lat), s = toScreen(q[0], q[1]);
      if (s[0] < -50 || s[0] > W + 50 || s[1] < -50 || s[1] > H + 50) return;
      var gx = Math.floor(s[0] / RADIUS), gy = Math.floor(s[1] / RADIUS), found = null;
      for (var dx = -1; dx <= 1 && !found; dx++) for (var dy = -1; dy <= 1 && !found; dy++) {
        var cell = grid[(gx + dx) + ":" + (gy + dy)];
        if (!cell) continue;
        for (var i = 0; i < cell.length; i++) {
          var c = cell[i];
          if ((c.ax - s[0]) * (c.ax - s[0]) + (c.ay - s[1]) * (c.ay - s[1]) <= RADIUS * RADIUS) { found = c; break; }
        }
      }
      if (!found) {
        found = {ax: s[0], ay: s[1], x: 0, y: 0, n: 0, items: []};
        (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(found);
        clusters.push(found);
      }
      found.x += s[0] * p.n; found.y += s[1] * p.n; found.n += p.n; found.items.push(p);
    });
    var drawn = 0;
    clusters.forEach(function (c) {
      var n = c.n, x = c.x / n, y = c.y / n;
      var r = n > 1 ? Math.min(7 + 1.6 * Math.log2(n), 20) : 6;
      var g = el("g", {"class": "cluster", "data-count": n});
      var circle = el("circle", {"class": "marker", cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1)});
      var t = el("title", {});
      t.textContent = c.items.slice(0, 5).map(function (p) { return p.label; }).join("\n") + (c.items.length > 5 ? "\n…" : "");
      circle.appendChild(t);
      g.appendChild(circle);
      if (n > 1) {
        var txt = el("text", {"class": "marker-count", x: x.toFixed(1), y: (y + 3.5).toFixed(1), "text-anchor": "middle"});
        txt.textContent = n > 999 ? Math.round(n / 1000) + "k" : String(n);
        g.appendChild(txt);
      }
      g.addEventListener("click", function (ev) {
        ev.stopPropagation();
        if (n === 1) { window.location.href = c.items[0].href; return; }
        if (c.items.length === 1) { showList(c.items); return; }   // one place: zooming will not split it
        showList(c.items);
        zoomAt(x, y, 2.5);
      });
      var name = c.items.length === 1 ? c.items[0].place : null;
      if (name && clusters.length <= 60) {       // a place name beside a single place's marker
        var label = el("text", {"class": "place-label", x: (x + r + 3).toFixed(1), y: (y + 4).toFixed(1)});
        label.textContent = name;
        g.appendChild(label);
      }
      markers.appendChild(g); drawn++;
    });
    svg.appendChild(markers);
    svg.setAttribute("data-markers", String(drawn));
  }

  // The events of a clicked cluster: asked from the API by the bounding box of its places,
  // with the page's own filters. Inserted with textContent only.
  function showList(places) {
    if (!list) return;
    var total = places.reduce(function (s, p) { return s + p.n; }, 0);
    var lons = places.map(function (p) { return p.lon; }), lats = places.map(function (p) { return p.lat; });
    var pad = 0.006;
    var bbox = [Math.min.apply(null, lons) - pad, Math.min.apply(null, lats) - pad,
                Math.max.apply(null, lons) + pad, Math.max.apply(null, lats) + pad].map(function (v) { return v.toFixed(3); });
    var params = new URLSearchParams(window.location.search);
    params.delete("bbox"); params.set("bbox", bbox.join(",")); params.set("limit", "50");
    list.replaceChildren();
    var h = document.createElement("h3"); h.textContent = total + " events here"; list.appendChild(h);
    var more = document.createElement("a");
    more.href = "/timeline?" + params.toString(); more.textContent = "all in the timeline";
    list.appendChild(more);
    var ul = document.createElement("ul"); list.appendChild(ul);
    fetch("/api/clusters?" + params.toString()).then(function (r) { return r.json(); }).then(function (page) {
      page.items.forEach(function (e) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "/events/" + e.id;
        a.textContent = [e.date, e.type, e.actor, e.location].filter(Boolean).join(" ") + (e.disputed ? " (disputed)" : "");
        li.appendChild(a); ul.appendChild(li);
      });
    });
  }

  function zoomAt(sx, sy, factor) {
    var mx = (sx - W / 2) / view.scale + view.cx, my = (sy - H / 2) / view.scale + view.cy;
    var minScale = W / (360 * view.k) * 0.9;        // never smaller than the whole world
    view.scale = Math.min(Math.max(view.scale * factor, minScale), 5000);
    view.cx = mx - (sx - W / 2) / view.scale; view.cy = my - (sy - H / 2) / view.scale;
    render();
  }

  function screenPoint(ev) {
    var r = svg.getBoundingClientRect();
    return [(ev.clientX - r.left) * W / r.width, (ev.clientY - r.top) * H / r.height];
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault(); var p = screenPoint(ev); zoomAt(p[0], p[1], ev.deltaY < 0 ? 1.3 : 1 / 1.3);
  }, {passive: false});
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) { drag = screenPoint(ev); });
  window.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var p = screenPoint(ev);
    view.cx -= (p[0] - drag[0]) / view.scale; view.cy -= (p[1] - drag[1]) / view.scale; drag = p;
    render();
  });

  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  var query = svg.getAttribute("data-points");
  Promise.all([fetch(svg.getAttribute("data-countries")).then(function (r) { return r.json(); }),
               fetch(query).then(function (r) { return r.json(); })])
    .then(function (res) {
      points = res[1].items;
      fit(points);
      drawLand(res[0].features);
      render();
      fetch(svg.getAttribute("data-admin1") || "/admin1.geojson").then(function (r) { return r.ok ? r.json() : null; })
        .then(function (fc) { if (fc && fc.features) { drawAdmin1(fc.features); render(); } })
        .catch(function () {});
      if (status) status.textContent = res[1].events + " events with coordinates at " + points.length + " places";
    })
    .catch(function (e) { if (status) status.textContent = "map failed to load: " + e; });
})();
