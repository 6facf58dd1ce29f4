using System.Globalization;
using System.Net;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// Draws a <see cref="CheckpointTrace"/> as a self-contained HTML page: one lane per task, its steps and checkpoints as
/// marks along the steps of the run (with the virtual time on the axis), waits as bars, the deviations of a shrunk
/// schedule highlighted, and the source location of each mark on hover. The page has no external reference (no network,
/// no CDN): its style and script are inline, so it opens from a CI artifact as it is.
/// </summary>
/// <remarks>
/// The harness writes one for each failing test when <see cref="TrioTestOptions.TimelineDirectory"/> is set (the
/// adapters set it) and names it in the report. Each lane is an element with the class <c>lane</c> and a
/// <c>data-task</c> attribute; each mark has the class <c>mark</c>. Chrome trace-event JSON
/// (<see cref="CheckpointTrace.ToChromeTraceJson"/>) stays the way to open a trace in Perfetto.
/// </remarks>
/// <example>
/// <code>
/// File.WriteAllText("timeline.html", TraceTimeline.ToHtml(result.Trace, "Transfers_keep_the_total", result.Shrunk?.Deviations));
/// </code>
/// </example>
public static class TraceTimeline
{
    /// <summary>The width of one step on the page, in CSS pixels.</summary>
    private const int StepWidth = 22;

    /// <summary>The horizontal offset of the second and later marks of one task at one step.</summary>
    private const int MarkOffset = 6;

    /// <summary>Renders the page.</summary>
    /// <param name="trace">The trace to draw.</param>
    /// <param name="title">The page's title, such as the test's name.</param>
    /// <param name="deviations">The deviations from FIFO order to highlight, such as <see cref="ShrunkSchedule.Deviations"/>; <see langword="null"/> for none.</param>
    /// <returns>The HTML page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> or <paramref name="title"/> is null.</exception>
    public static string ToHtml(CheckpointTrace trace, string title, IReadOnlyList<ScheduleDeviation>? deviations = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(title);
        List<string> tasks = [.. trace.Select(static e => e.Task).Where(static t => !t.StartsWith('(')).Distinct()];
        long lastStep = trace.Count == 0 ? 0 : trace[^1].Step;
        var deviated = new HashSet<(long, string)>((deviations ?? []).Where(static d => d.Task is not null).Select(static d => (d.Step, d.Task!)));
        var html = new StringBuilder(4096 + (trace.Count * 160));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append(" - TrioTest timeline</title>\n<style>")
            .Append("body{font:13px system-ui,sans-serif;margin:16px;color:#222}h1{font-size:16px}.lanes{position:relative;overflow-x:auto;border:1px solid #ccc}")
            .Append(".row{position:relative;height:26px;border-bottom:1px solid #eee;white-space:nowrap}.name{position:sticky;left:0;z-index:2;display:inline-block;width:180px;height:26px;line-height:26px;background:#f7f7f7;padding:0 6px;overflow:hidden;text-overflow:ellipsis;border-right:1px solid #ccc}")
            .Append(".track{position:absolute;top:0;left:192px;height:26px}.mark{position:absolute;top:7px;width:10px;height:12px;border-radius:2px;cursor:default}")
            .Append(".k-step{background:#9ab}.k-checkpoint{background:#2a7;top:5px;height:16px;width:6px}.k-wait{background:#e90}.k-wake{background:#36c}.k-cancel{background:#c33}.k-exit{background:#555}.k-spawn{background:#a5c}.k-note{background:#7a4}.k-escape{background:#f0f}.k-jump{background:#000}")
            .Append(".wait{position:absolute;top:11px;height:4px;background:#fc6;opacity:.8}.deviation{outline:3px solid #e00;outline-offset:1px}.axis .tick{position:absolute;top:2px;font-size:10px;color:#666;border-left:1px solid #bbb;padding-left:2px;height:22px}")
            .Append("#tip{position:fixed;display:none;background:#333;color:#fff;padding:4px 6px;border-radius:3px;font-size:12px;pointer-events:none;z-index:9;white-space:pre}ul.dev li{color:#b00}")
            .Append("</style></head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(tasks.Count.ToString(CultureInfo.InvariantCulture)).Append(" tasks, ").Append((lastStep + 1).ToString(CultureInfo.InvariantCulture)).Append(" steps, ")
            .Append(trace.Count.ToString(CultureInfo.InvariantCulture)).Append(" events").Append(trace.DroppedCount > 0 ? $" (the first {trace.DroppedCount.ToString(CultureInfo.InvariantCulture)} left the trace window)" : string.Empty)
            .Append(". Hover a mark for its event and source location.</p>\n");
        if (deviations is { Count: > 0 })
        {
            html.Append("<p>Deviations from FIFO order (outlined in red):</p><ul class=\"dev\">");
            foreach (ScheduleDeviation deviation in deviations)
            {
                html.Append("<li>").Append(Encode(deviation.ToString())).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("<div class=\"lanes\">\n<div class=\"row axis\"><span class=\"name\">step / virtual time</span><div class=\"track\">");
        long every = Math.Max(1, (lastStep + 1) / 25);
        TimeSpan? shownTime = null;
        foreach (TraceEvent e in trace.Where(e => e.Kind == TraceEventKind.Step && e.Step % every == 0).DistinctBy(static e => e.Step))
        {
            html.Append("<span class=\"tick\" style=\"left:").Append(X(e.Step)).Append("px\">").Append(e.Step.ToString(CultureInfo.InvariantCulture));
            if (e.Time != shownTime)
            {
                // The time only where it moves: ticks a few pixels apart would print the same time over each other.
                html.Append("<br>").Append(TraceFormat.Time(e.Time));
                shownTime = e.Time;
            }

            html.Append("</span>");
        }

        html.Append("</div></div>\n");
        foreach (string task in tasks)
        {
            html.Append("<div class=\"row lane\" data-task=\"").Append(Encode(task)).Append("\"><span class=\"name\" title=\"").Append(Encode(task)).Append("\">")
                .Append(Encode(task)).Append("</span><div class=\"track\">");
            AppendLane(html, trace, task, deviated, lastStep);
            html.Append("</div></div>\n");
        }

        html.Append("</div>\n<div id=\"tip\"></div>\n<script>\n")
            .Append("(function(){var tip=document.getElementById('tip');")
            .Append("document.querySelectorAll('[data-tip]').forEach(function(m){")
            .Append("m.addEventListener('mousemove',function(ev){tip.textContent=m.getAttribute('data-tip');tip.style.display='block';tip.style.left=(ev.clientX+12)+'px';tip.style.top=(ev.clientY+12)+'px';});")
            .Append("m.addEventListener('mouseleave',function(){tip.style.display='none';});});")
            .Append("document.body.setAttribute('data-lanes',String(document.querySelectorAll('.lane').length));document.body.setAttribute('data-ready','true');})();\n")
            .Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/>, creating its folder.</summary>
    /// <param name="path">The file to write, such as <c>TestResults/triotest-timelines/MyTest.html</c>.</param>
    /// <param name="trace">The trace to draw.</param>
    /// <param name="title">The page's title, such as the test's name.</param>
    /// <param name="deviations">The deviations from FIFO order to highlight; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="deviations"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteHtml(string path, CheckpointTrace trace, string title, IReadOnlyList<ScheduleDeviation>? deviations = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string html = ToHtml(trace, title, deviations);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Appends one task's marks, and a bar for each wait from the wait to the task's next event (or the end of the run: a deadlock's waits never end).</summary>
    private static void AppendLane(StringBuilder html, CheckpointTrace trace, string task, HashSet<(long, string)> deviated, long lastStep)
    {
        long previousStep = -1;
        int atStep = 0;
        TraceEvent? waiting = null;
        foreach (TraceEvent e in trace)
        {
            if (e.Task != task)
            {
                continue;
            }

            atStep = e.Step == previousStep ? atStep + 1 : 0;
            previousStep = e.Step;
            int x = X(e.Step) + (atStep * MarkOffset);
            if (waiting is { } wait && e.Kind != TraceEventKind.Wait)
            {
                AppendWait(html, wait.Step, x, $"to step {e.Step.ToString(CultureInfo.InvariantCulture)}");
                waiting = null;
            }

            if (e.Kind == TraceEventKind.Wait)
            {
                waiting = e;
            }

            string kind = TraceFormat.Kind(e.Kind);
            html.Append("<span class=\"mark k-").Append(kind).Append(e.Kind == TraceEventKind.Step && deviated.Contains((e.Step, task)) ? " deviation" : string.Empty)
                .Append("\" style=\"left:").Append(x).Append("px\" data-tip=\"").Append(Encode(Tip(e))).Append("\"></span>");
        }

        if (waiting is { } open)
        {
            AppendWait(html, open.Step, X(lastStep + 1), "to the end of the run");
        }
    }

    /// <summary>Appends a wait's bar, from its step's column to <paramref name="to"/>.</summary>
    private static void AppendWait(StringBuilder html, long step, int to, string until)
    {
        int from = X(step);
        html.Append("<span class=\"wait\" style=\"left:").Append(from).Append("px;width:").Append(Math.Max(2, to - from)).Append("px\" data-tip=\"waits from step ")
            .Append(step.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(until).Append("\"></span>");
    }

    /// <summary>The hover text of a mark: step, time, task, event, label and source location.</summary>
    private static string Tip(TraceEvent e)
    {
        var tip = new StringBuilder();
        tip.Append("step ").Append(e.Step.ToString(CultureInfo.InvariantCulture)).Append("  ").Append(TraceFormat.Time(e.Time)).Append('\n')
            .Append(e.Task).Append("  ").Append(TraceFormat.Kind(e.Kind));
        if (e.Label is not null)
        {
            tip.Append(' ');
            TraceFormat.AppendQuoted(tip, e.Label);
        }

        if (e.Source.Length != 0)
        {
            tip.Append('\n').Append(e.Source);
        }

        return tip.ToString();
    }

    /// <summary>The left edge of a step's column.</summary>
    private static int X(long step) => (int)Math.Min(int.MaxValue / 2, step * StepWidth);

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
