using System.Reflection;
using Microsoft.OpenApi;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Http.Api;

namespace PowerVerse.Functions.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the functions themselves: every HTTP function that
/// <see cref="FunctionCatalog"/> finds, at its route and methods, with the parameters and response type its
/// <see cref="ApiOperationAttribute"/> and <see cref="ApiParameterAttribute"/>s declare. Nothing is listed by hand.
/// </summary>
public static class OpenApiDocumentFactory
{
    public static OpenApiDocument Create(Assembly app)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = "PowerVerse API", Version = "1", Description = "Reads of the PowerVerse read model, signed writes (ERC-2771 ForwardRequests) and their workflows (DESIGN §4)." },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema>() },
        };
        var schemas = new SchemaGenerator(document);
        var problem = schemas.For(typeof(PowerVerse.Views.ProblemView));
        foreach (var function in FunctionCatalog.Discover(app).Where(f => f.Trigger is HttpFunctionTrigger).OrderBy(f => ((HttpFunctionTrigger)f.Trigger).Route, StringComparer.Ordinal))
        {
            var trigger = (HttpFunctionTrigger)function.Trigger;
            var path = "/api/" + trigger.Route.TrimStart('/');
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>() };
                document.Paths[path] = item;
            }

            var operations = ((OpenApiPathItem)item).Operations!;
            var methods = trigger.Methods.Count == 0 ? ["get"] : trigger.Methods;
            foreach (var method in methods)
            {
                operations[new HttpMethod(method.ToUpperInvariant())] = Operation(function, schemas, problem);
            }
        }

        return document;
    }

    private static OpenApiOperation Operation(DeclaredFunction function, SchemaGenerator schemas, IOpenApiSchema problem)
    {
        var declared = function.Method.GetCustomAttribute<ApiOperationAttribute>();
        if (declared?.Request is { } exchange && declared.Synchronous)
        {
            return Exchange(function, declared, schemas.For(exchange), schemas.For(declared.Response), problem);
        }

        if (declared?.Request is { } request)
        {
            return Write(function, declared, schemas.For(request), schemas.For(declared.Response), problem);
        }

        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = declared is null ? new OpenApiSchema() : schemas.For(declared.Response) },
                },
            },
        };
        if (declared is not null)
        {
            responses["400"] = Problem("Bad input: an invalid id, address, filter, page size or continuation token.", problem);
            if (declared.CanBeNotFound)
            {
                responses["404"] = Problem("Nothing with that id is indexed.", problem);
            }

            responses["503"] = Problem("The read model could not be read.", problem);
        }

        return new OpenApiOperation
        {
            OperationId = function.Name,
            Summary = declared?.Summary ?? function.Name,
            Description = declared?.Description,
            Parameters = function.Method.GetCustomAttributes<ApiParameterAttribute>().Select(Parameter).ToList(),
            Responses = responses,
        };
    }

    private static OpenApiOperation Write(DeclaredFunction function, ApiOperationAttribute declared, IOpenApiSchema body, IOpenApiSchema accepted, IOpenApiSchema problem) => new()
    {
        OperationId = function.Name,
        Summary = declared.Summary,
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The signed ERC-2771 ForwardRequestData of exactly this action (at most 64 KiB).",
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = body } },
        },
        Responses = new OpenApiResponses
        {
            ["202"] = new OpenApiResponse
            {
                Description = "Accepted: the workflow runs (the same request again answers the same id). Location: /api/workflows/{id}.",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = accepted } },
            },
            ["400"] = Problem("malformed-request: not the ForwardRequestData JSON.", problem),
            ["409"] = Problem("nonce-used: signed at a forwarder nonce already used.", problem),
            ["413"] = Problem("request-too-large.", problem),
            ["422"] = Problem("wrong-contract, wrong-action, invalid-signature, request-expired, invalid-attestation, or call-reverted (with the contract's custom error).", problem),
            ["503"] = Problem("chain-unavailable or workflows-unavailable.", problem),
        },
    };

    // A signed request answered at once (POST /api/agents/sas, DESIGN §3).
    private static OpenApiOperation Exchange(DeclaredFunction function, ApiOperationAttribute declared, IOpenApiSchema body, IOpenApiSchema answer, IOpenApiSchema problem) => new()
    {
        OperationId = function.Name,
        Summary = declared.Summary,
        Description = declared.Description,
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = body } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = answer } },
            },
            ["400"] = Problem("malformed-request, expired (expires is past) or lifetime-too-long.", problem),
            ["401"] = Problem("invalid-authorization: the signature is not the named agent's.", problem),
            ["403"] = Problem("not-an-agent: the address is not the agent of a registered HID.", problem),
            ["413"] = Problem("request-too-large.", problem),
            ["503"] = Problem("chain-unavailable or agent-queues-unavailable.", problem),
        },
    };

    private static OpenApiResponse Problem(string description, IOpenApiSchema problem) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { [ApiResults.ProblemContentType] = new OpenApiMediaType { Schema = problem } },
    };

    private static IOpenApiParameter Parameter(ApiParameterAttribute parameter) => new OpenApiParameter
    {
        Name = parameter.Name,
        In = parameter.InPath ? ParameterLocation.Path : ParameterLocation.Query,
        Required = parameter.InPath,
        Description = parameter.Description,
        Schema = parameter.Value switch
        {
            ApiValue.Id or ApiValue.Amount => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,78}$", Description = "uint256, decimal" },
            ApiValue.Address => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^0x[0-9a-fA-F]{40}$" },
            ApiValue.SmallNumber => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Maximum = uint.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ApiValue.Time => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Pattern = "Z$" },
            ApiValue.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = parameter.Choices.Select(c => (System.Text.Json.Nodes.JsonNode)c).ToList(), Default = parameter.Choices.FirstOrDefault() },
            ApiValue.PageSize => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = QueryParameters.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = QueryParameters.DefaultPageSize },
            ApiValue.WorkflowId => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9_.:-]{1,128}$" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ReadModel.Queries.ContinuationTokens.MaxLength },
        },
    };
}
