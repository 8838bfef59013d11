using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Cases;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Cases;

/// <summary>
/// Off the request path: after a case's change is committed and its event published from the outbox, the citizen's
/// open status page and the consoles of the case's kommune are told to fetch it again (over the SignalR backplane,
/// so whichever node they are connected to). A repeated event only repeats the signal.
/// </summary>
public sealed class CaseFanOut(HotlineDbContext db, IHubContext<CitizenHub, ICitizenHubClient> citizens, IHubContext<AgentHub, IAgentHubClient> agents) :
    IConsumer<CaseReceived>, IConsumer<CaseTaken>, IConsumer<CaseCallRecorded>, IConsumer<CaseMoved>, IConsumer<CaseClosed>, IConsumer<CaseCancelled>
{
    public static string CaseGroup(Guid caseId) => $"case:{caseId:N}";

    public static string TasksGroup(int kommuneKode) => $"tasks:{kommuneKode}";

    public Task Consume(ConsumeContext<CaseReceived> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    public Task Consume(ConsumeContext<CaseTaken> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    public Task Consume(ConsumeContext<CaseCallRecorded> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    public Task Consume(ConsumeContext<CaseMoved> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    public Task Consume(ConsumeContext<CaseClosed> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    public Task Consume(ConsumeContext<CaseCancelled> context) => TellAsync(context.Message.CaseId, context.Message.KommuneKode, context.CancellationToken);

    private async Task TellAsync(Guid caseId, int kommuneKode, CancellationToken ct)
    {
        var now = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Reference, c.State }).FirstOrDefaultAsync(ct);
        if (now is null)
        {
            return;
        }

        await citizens.Clients.Group(CaseGroup(caseId)).CaseChanged(new CaseChanged(now.Reference, CaseWords.Wire(now.State)));
        await agents.Clients.Group(TasksGroup(kommuneKode)).TasksChanged(new TasksChanged(now.Reference));
    }
}
