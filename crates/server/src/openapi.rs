//! The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.

pub const DOCUMENT: &str = r##"{
  "openapi": "3.1.0",
  "info": {"title": "newsdesk", "version": "1", "description": "News intelligence: documents, quotes, entities. Offsets in documents are Unicode scalar value offsets (newsdesk.document/1)."},
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Page": {"type": "object", "properties": {"url": {"type": "string"}, "html": {"type": "string"}, "text": {"type": "string"}}, "description": "One of html or text is required."},
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "Document": {"type": "object", "description": "newsdesk.document/1, see docs/newsdesk.document.schema.json"}
    },
    "responses": {
      "BadRequest": {"description": "Invalid parameter or body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "Not found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/api/analyze": {"post": {"summary": "Analyse a page without storing it", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
      "responses": {"200": {"description": "The document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "413": {"description": "Body larger than 8 MiB"}, "422": {"description": "Not analysable (empty or binary)"}}}},
    "/api/documents": {"post": {"summary": "Analyse and store a page (deduplicated by URL and content)", "security": [{"bearer": []}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
      "responses": {"201": {"description": "Stored: {id, status}"}, "200": {"description": "Already stored: {id, status: duplicate-url | duplicate-content}"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"description": "Missing or wrong bearer token"}, "413": {"description": "Body larger than 8 MiB"}}}},
    "/api/documents/{id}": {"get": {"summary": "A stored document", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/search": {"get": {"summary": "Full-text search with filters", "parameters": [
        {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 512}},
        {"name": "speaker", "in": "query", "schema": {"type": "string"}},
        {"name": "entity", "in": "query", "schema": {"type": "string"}},
        {"name": "source", "in": "query", "schema": {"type": "string"}},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
        {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000}}],
      "responses": {"200": {"description": "{hits: [{id, url, title, source, day, snippet}]}; matched words in snippets are wrapped in U+0002 and U+0003"}, "400": {"$ref": "#/components/responses/BadRequest"}, "422": {"description": "Query exceeded its time budget"}}}},
    "/api/quotes": {"get": {"summary": "Quotes, newest first, optionally by speaker", "parameters": [
        {"name": "speaker", "in": "query", "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000}}],
      "responses": {"200": {"description": "{quotes: [...]}"}, "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/entities/{id}": {"get": {"summary": "An entity with its mentions and quotes per day and co-occurring entities", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "{entity, timeline: [{day, mentions, quotes}], cooccurring: [{entity, shared_documents}]}"}, "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
  }
}"##;
