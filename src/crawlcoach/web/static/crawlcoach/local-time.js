// Moments the server wrote in UTC (no TZ set): shown in this device's own time zone instead.
(function () {
  "use strict";
  var formats = {
    "date-time": { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    "time": { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  };
  document.querySelectorAll("time[data-browser-time]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    var format = formats[element.getAttribute("data-browser-time")];
    if (isNaN(moment.getTime()) || !format) return;
    element.textContent = new Intl.DateTimeFormat("en-GB", format).format(moment);
    element.title = "In this device's time zone";
  });
})();
