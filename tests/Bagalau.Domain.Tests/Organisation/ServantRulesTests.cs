using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class ServantRulesTests
{
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid PositionA = Guid.NewGuid();
    private static readonly Guid PositionB = Guid.NewGuid();

    private static Servant NewServant() => Servant.Create(Body, "900515300018", "  Әбенов   Асқар  ", "a@bagalau.example", "+7 701 000 00 01", true).Value;

    [Fact]
    public void Create_NormalisesTheNameForDocumentsAndSearch()
    {
        var servant = NewServant();

        Assert.Equal("Әбенов Асқар", servant.FullName);
        Assert.Equal("АБЕНОВ АСКАР", servant.SearchName);
    }

    [Fact]
    public void Create_WithBadContacts_ListsEveryBrokenRule()
    {
        var result = Servant.Create(Body, "900515300019", " ", "not-an-email", "12", false);

        Assert.Equal(["iin-checksum", "required", "email-invalid", "phone-invalid"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Appoint_WhenPeriodsShareADay_IsAppointmentOverlap()
    {
        var servant = NewServant();
        Assert.True(servant.Appoint(PositionA, new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31)).IsSuccess);

        var overlapping = servant.Appoint(PositionB, new DateOnly(2022, 12, 31), null);
        var nextDay = servant.Appoint(PositionB, new DateOnly(2023, 1, 1), null);

        Assert.Equal("appointment-overlap", Assert.Single(overlapping.Errors).Code);
        Assert.Equal(["2022-12-31", "", "2020-01-01", "2022-12-31"], overlapping.Errors[0].Args);
        Assert.True(nextDay.IsSuccess);
        Assert.Equal(PositionB, servant.AppointmentOn(new DateOnly(2024, 6, 1))!.PositionId);
    }

    [Fact]
    public void Appoint_AfterAnOpenEndedAppointment_IsAppointmentOverlap()
    {
        var servant = NewServant();
        servant.Appoint(PositionA, new DateOnly(2020, 1, 1), null);

        Assert.Equal("appointment-overlap", Assert.Single(servant.Appoint(PositionB, new DateOnly(2030, 1, 1), null).Errors).Code);
    }

    [Fact]
    public void ChangeAppointment_MayMoveItsOwnDates()
    {
        var servant = NewServant();
        var appointment = servant.Appoint(PositionA, new DateOnly(2020, 1, 1), null).Value;

        Assert.True(servant.ChangeAppointment(appointment.Id, PositionA, new DateOnly(2019, 6, 1), new DateOnly(2021, 1, 1)).IsSuccess);
    }

    [Fact]
    public void AddAbsence_EndingBeforeItStarts_IsRejected()
    {
        var servant = NewServant();

        var result = servant.AddAbsence(AbsenceKind.Sick, new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 9));

        Assert.Equal("absence-ends-before-start", Assert.Single(result.Errors).Code);
        Assert.Empty(servant.Absences);
    }

    [Fact]
    public void AddAbsence_OfOneDay_CountsOneDay()
    {
        var absence = NewServant().AddAbsence(AbsenceKind.Trip, new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 10)).Value;

        Assert.Equal(1, absence.Days);
    }

    [Fact]
    public void Sanction_IsInForceFromAppliedUntilLifted()
    {
        var servant = NewServant();
        var sanction = servant.AddSanction(SanctionKind.Reprimand, new DateOnly(2024, 1, 10), new DateOnly(2024, 7, 10), null).Value;

        Assert.False(sanction.IsInForceOn(new DateOnly(2024, 1, 9)));
        Assert.True(sanction.IsInForceOn(new DateOnly(2024, 1, 10)));
        Assert.True(sanction.IsInForceOn(new DateOnly(2024, 7, 9)));
        Assert.False(sanction.IsInForceOn(new DateOnly(2024, 7, 10)));
        Assert.Equal("sanction-lifted-before-applied",
            Assert.Single(servant.AddSanction(SanctionKind.Remark, new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 1), null).Errors).Code);
    }

    [Fact]
    public void Probation_MayNotOverlapAnother()
    {
        var servant = NewServant();
        servant.AddProbation(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));

        Assert.Equal("probation-overlap", Assert.Single(servant.AddProbation(new DateOnly(2024, 3, 31), new DateOnly(2024, 6, 30)).Errors).Code);
        Assert.True(servant.IsOnProbationOn(new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void Dismissal_EndsServiceUntilAReappointment()
    {
        var servant = NewServant();
        servant.Appoint(PositionA, new DateOnly(2020, 1, 1), new DateOnly(2023, 5, 31));
        servant.Dismiss(new DateOnly(2023, 5, 31), null);

        Assert.False(servant.IsDismissedOn(new DateOnly(2023, 5, 31)));
        Assert.True(servant.IsDismissedOn(new DateOnly(2023, 6, 1)));
        servant.Appoint(PositionB, new DateOnly(2024, 1, 1), null);
        Assert.False(servant.IsDismissedOn(new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void DuplicateIinRule_RefusesAnotherServantsIin()
    {
        var holder = Guid.NewGuid();

        Assert.Equal("servant-duplicate-iin", DuplicateIinRule.Check("900515300018", Guid.NewGuid(), holder)?.Code);
        Assert.Null(DuplicateIinRule.Check("900515300018", holder, holder));
        Assert.Null(DuplicateIinRule.Check("900515300018", Guid.NewGuid(), null));
    }
}
